/**
 * The news feed (newest first, the last 40 items), updated in place: an item already shown keeps
 * its element (and its open/closed state), new items are added at the top, old ones dropped. A full
 * rebuild of 40 <details> per new item was one of the main-thread costs at 4× speed.
 */
import { h } from './dom.ts';
import { t, weekN, labelled } from './i18n.ts';
import { newsText } from './advice.ts';
import { getState } from '../store/ui.ts';
import type { Snapshot } from '../store/snapshot.ts';
import { mapMsg } from '../game/messages.ts';
import { iconUrl, newsIcon } from '../game/assets.ts';

export const NEWS_SHOWN = 40;

type NewsItem = Snapshot['news'][number];

function newsItem(n: NewsItem): HTMLLIElement {
  return h('li', { className: n.major ? 'major' : '', 'data-news': n.id },
    h('details', null,
      h('summary', { 'data-key': `news-${n.id}` }, h('span', { className: 'when' }, weekN(n.week)),
        h('span', { className: 'tag' }, h('img', { src: iconUrl(newsIcon(n.kind)), alt: '', width: 12, height: 12 }), (n.major ? '★ ' : '') + mapMsg(getState().settings.lang, `news.kind.${n.kind}`)), newsText(n.headline)),
      h('p', null, h('strong', null, labelled(t('whatItMeans'))), newsText(n.explanation)),
    ),
  );
}

export interface NewsList {
  el: HTMLOListElement;
  /** Show the snapshot's newest items; `rebuild` after a language change. */
  update(s: Snapshot, rebuild?: boolean): void;
}

export function newsList(): NewsList {
  const el = h('ol', { id: 'news-list' });
  let shown = new Map<string, HTMLLIElement>();
  return {
    el,
    update(s, rebuild = false) {
      if (rebuild) { shown = new Map(); el.replaceChildren(); }
      const items = s.news.slice(-NEWS_SHOWN).reverse();
      if (items.length === 0) {
        shown = new Map();
        el.replaceChildren(h('li', { className: 'muted' }, t('nothing')));
        return;
      }
      const next = new Map<string, HTMLLIElement>();
      for (const n of items) next.set(n.id, shown.get(n.id) ?? newsItem(n));
      for (const [id, li] of shown) if (!next.has(id)) li.remove();
      for (const c of [...el.children]) if (!(c as HTMLElement).dataset.news) c.remove();
      // Put each element at its place; elements already in order are not touched.
      let i = 0;
      for (const li of next.values()) {
        if (el.children[i] !== li) el.insertBefore(li, el.children[i] ?? null);
        i++;
      }
      shown = next;
    },
  };
}
