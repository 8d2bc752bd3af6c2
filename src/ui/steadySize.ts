/**
 * Keep a box from shrinking back while the game runs: its minimum size follows the largest size
 * it has had (a ratchet), so text that changes every week (the advisor's warnings, the top bar's
 * figures) does not move the layout up and down.
 *
 * Why: the world map fills the space the top bar and the advisor leave. When the advisor went from
 * one warning to two and back, or a top-bar figure got one character wider and the bar wrapped,
 * the map's canvas was resized — and a resize redraws the whole map (land dots, textures). At 4×
 * that happened almost every week and was the largest share of the main thread's long tasks.
 *
 * The ratchet is reset when the window is resized (a narrower window may need the box smaller).
 * Uses a ResizeObserver (it reports after layout: no forced synchronous layout) and sets the
 * minimum through the CSSOM (allowed by the CSP, unlike a style attribute).
 */
export type Axis = 'width' | 'height';

export function keepGrowing(el: HTMLElement, axis: Axis): () => void {
  let most = 0;
  const ro = new ResizeObserver((entries) => {
    for (const e of entries) {
      const box = e.borderBoxSize?.[0];
      const size = box ? (axis === 'width' ? box.inlineSize : box.blockSize) : axis === 'width' ? e.contentRect.width : e.contentRect.height;
      if (size > most + 0.5) {
        most = size;
        if (axis === 'width') el.style.minWidth = `${Math.ceil(most)}px`;
        else el.style.minHeight = `${Math.ceil(most)}px`;
      }
    }
  });
  ro.observe(el, { box: 'border-box' });
  const reset = () => {
    most = 0;
    if (axis === 'width') el.style.minWidth = '';
    else el.style.minHeight = '';
  };
  window.addEventListener('resize', reset);
  return () => {
    ro.disconnect();
    window.removeEventListener('resize', reset);
    reset();
  };
}
