/**
 * The game's own art (SVG files in assets/, served and copied to dist/ by Vite as its public
 * folder): one list of names and URLs, used by the Phaser world view (loader) and by the DOM
 * (news badges, the region card). URLs are relative to the page, so they hold under any base path.
 * No Phaser import here.
 */
export const ICONS = {
  gpuRack: 'icons/gpu-rack.svg',
  siteColo: 'icons/site-colo.svg',
  siteCampus: 'icons/site-campus.svg',
  sitePowered: 'icons/site-powered.svg',
  rival: 'icons/rival.svg',
  newsEvent: 'icons/news-event.svg',
  newsRfp: 'icons/news-rfp.svg',
  newsCompany: 'icons/news-company.svg',
  newsMarket: 'icons/news-market.svg',
  newsFinance: 'icons/news-finance.svg',
} as const;

export type IconName = keyof typeof ICONS;

/** The icon of a site kind. */
export function siteIcon(kind: 'colo' | 'campus' | 'powered'): IconName {
  return kind === 'colo' ? 'siteColo' : kind === 'campus' ? 'siteCampus' : 'sitePowered';
}

/** The icon of a news kind. */
export function newsIcon(kind: 'event' | 'rfp' | 'company' | 'market' | 'finance'): IconName {
  return ({ event: 'newsEvent', rfp: 'newsRfp', company: 'newsCompany', market: 'newsMarket', finance: 'newsFinance' } as const)[kind];
}

/** An icon's URL relative to the page (document.baseURI). */
export function iconUrl(name: IconName): string {
  return ICONS[name];
}
