/**
 * When the agreement is printed — Ctrl+P, the browser's menu, the Print button, or a print preview
 * that only switches the media to print — the page holds the printable agreement (print-document.ts)
 * as the last child of <body>, and print.css hides everything else. It is built just before printing,
 * from the text as it stands then, and removed afterwards: a 300-clause document does not carry a
 * second copy of itself in the DOM while people edit.
 */
export class PrintView {
  private shown: HTMLElement | null = null;
  /** Set while our own window.print() runs: its beforeprint need not build the view a second time. */
  private printing = false;
  /** afterprint came while our window.print() ran (it blocks in most browsers): remove the view once it returns. */
  private printed = false;
  private readonly media: MediaQueryList | null;

  constructor(private readonly build: () => HTMLElement) {
    this.media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
  }

  /** Follows the browser's printing from now on; the returned function stops it and removes the view. */
  attach(): () => void {
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.hide);
    this.media?.addEventListener('change', this.mediaChanged);
    if (this.media?.matches) this.show();
    return () => {
      window.removeEventListener('beforeprint', this.beforePrint);
      window.removeEventListener('afterprint', this.hide);
      this.media?.removeEventListener('change', this.mediaChanged);
      this.hide();
    };
  }

  /** What the Print button does: the view of the text now, then the browser's print dialog. */
  readonly print = (): void => {
    this.show();
    this.printing = true;
    this.printed = false;
    try {
      window.print();
    } finally {
      this.printing = false;
    }
    if (this.printed) this.hide();
  };

  /** Puts the view of the text as it stands now in the page (replacing an older one). */
  readonly show = (): void => {
    const next = this.build();
    if (this.shown?.isConnected) this.shown.replaceWith(next);
    else document.body.append(next);
    this.shown = next;
  };

  readonly hide = (): void => {
    if (this.printing) {
      this.printed = true;
      return;
    }
    this.shown?.remove();
    this.shown = null;
  };

  private readonly beforePrint = (): void => {
    if (this.printing && this.shown?.isConnected) return;
    this.show();
  };

  private readonly mediaChanged = (event: MediaQueryListEvent): void => {
    if (event.matches) {
      if (!this.printing || !this.shown?.isConnected) this.show();
    } else this.hide();
  };
}
