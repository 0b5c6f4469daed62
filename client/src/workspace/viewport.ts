/**
 * Which clause rows are near the viewport. One IntersectionObserver watches every row; a row mounts
 * its editors when it comes within a screen of the viewport and unmounts them some time after it left
 * (unless focus is inside), so a 300-clause document keeps a few dozen editors alive, not six hundred.
 */
export type VisibilityListener = (near: boolean) => void;

const NEAR_MARGIN = '800px 0px';

export class ViewportWatcher {
  private readonly listeners = new Map<Element, VisibilityListener>();
  private readonly observer: IntersectionObserver | null;

  constructor() {
    this.observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              for (const entry of entries) this.listeners.get(entry.target)?.(entry.isIntersecting);
            },
            { rootMargin: NEAR_MARGIN },
          );
  }

  watch(element: Element, listener: VisibilityListener): () => void {
    this.listeners.set(element, listener);
    if (this.observer) this.observer.observe(element);
    else listener(true);
    return () => {
      this.listeners.delete(element);
      this.observer?.unobserve(element);
    };
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.listeners.clear();
  }
}
