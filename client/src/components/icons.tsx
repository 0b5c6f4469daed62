/** Small stroke icons; decorative (aria-hidden): every control carries its own translated name. */
import type { ReactElement } from 'react';

/** The shell every icon of the app draws in (20 × 20 strokes); `size` in pixels. */
export function Icon({ children, size = 16 }: { children: ReactElement | ReactElement[]; size?: number }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 20 20"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const ArrowUpIcon = () => (
  <Icon>
    <path d="M10 16V4M5 9l5-5 5 5" />
  </Icon>
);
export const ArrowDownIcon = () => (
  <Icon>
    <path d="M10 4v12M5 11l5 5 5-5" />
  </Icon>
);
export const PlusIcon = () => (
  <Icon>
    <path d="M10 4v12M4 10h12" />
  </Icon>
);
export const TrashIcon = () => (
  <Icon>
    <path d="M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10" />
  </Icon>
);
export const GripIcon = () => (
  <Icon>
    <circle cx="7" cy="5" r="0.9" />
    <circle cx="13" cy="5" r="0.9" />
    <circle cx="7" cy="10" r="0.9" />
    <circle cx="13" cy="10" r="0.9" />
    <circle cx="7" cy="15" r="0.9" />
    <circle cx="13" cy="15" r="0.9" />
  </Icon>
);
export const CopyIcon = () => (
  <Icon>
    <path d="M7 7h9v9H7zM4 13V4h9" />
  </Icon>
);
export const LockIcon = () => (
  <Icon>
    <path d="M5 9h10v8H5zM7 9V6a3 3 0 0 1 6 0v3" />
  </Icon>
);
