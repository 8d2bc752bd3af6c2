/**
 * The news feed: every event, award and crisis with a short explanation of the economics.
 */
import type { NewsItem, World } from './types.ts';

export function pushNews(world: World, item: Omit<NewsItem, 'week'>): void {
  world.news.push({ week: world.week, ...item });
  if (world.news.length > 400) world.news.splice(0, world.news.length - 400);
}
