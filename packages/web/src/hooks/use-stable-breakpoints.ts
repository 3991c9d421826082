import { Grid } from 'antd';
import { useEffect, useState } from 'react';

/** How long a breakpoint must hold before the layout follows it. */
const SETTLE_MS = 200;

/**
 * Screen-size flags for the app shell that follow the window only once a size has held for
 * a moment. Media queries can flip for a frame while the browser re-lays out (a full-page
 * screenshot does this, and so can dragging a window edge); following every flip would
 * collapse and re-open the menu and move what the person was about to click.
 * @returns `isNarrow` below md (menu overlays the page), `isCompact` below lg (menu starts collapsed)
 */
export function useStableBreakpoints(): { isNarrow: boolean; isCompact: boolean } {
  const screens = Grid.useBreakpoint();
  // Before its first measurement antd reports {}: measure the window ourselves (antd's md
  // starts at 768 px, lg at 992 px) so a phone does not flash the open menu on load.
  const width = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const isNarrowNow = screens.md === undefined ? width < 768 : !screens.md;
  const isCompactNow = screens.lg === undefined ? width < 992 : !screens.lg;
  const [stable, setStable] = useState({ isNarrow: isNarrowNow, isCompact: isCompactNow });
  useEffect(() => {
    if (stable.isNarrow === isNarrowNow && stable.isCompact === isCompactNow) return;
    const timer = setTimeout(() => setStable({ isNarrow: isNarrowNow, isCompact: isCompactNow }), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [isNarrowNow, isCompactNow, stable]);
  return stable;
}
