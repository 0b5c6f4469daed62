/** The toolbar's list, search and keyboard icons; decorative (aria-hidden), each button has its name. */
import { Icon } from '../components/icons';

export const BulletListIcon = () => (
  <Icon>
    <circle cx="4" cy="5" r="1" fill="currentColor" />
    <circle cx="4" cy="10" r="1" fill="currentColor" />
    <circle cx="4" cy="15" r="1" fill="currentColor" />
    <path d="M8 5h9M8 10h9M8 15h9" />
  </Icon>
);

export const OrderedListIcon = () => (
  <Icon>
    <path d="M3 3.5h1.5V7M3 7h3M3 12.5c.4-.6 1-1 1.6-1 .8 0 1.4.6 1.2 1.3-.2.8-2.8 2.2-2.8 3.2h3" strokeWidth="1.3" />
    <path d="M9 5h8M9 10h8M9 15h8" />
  </Icon>
);

export const SearchIcon = () => (
  <Icon>
    <circle cx="8.5" cy="8.5" r="5" />
    <path d="M12.5 12.5 17 17" />
  </Icon>
);

export const KeyboardIcon = () => (
  <Icon>
    <rect x="2" y="5" width="16" height="10" rx="1.5" />
    <path d="M5 8h.01M8 8h.01M11 8h.01M14 8h.01M6 12h8" />
  </Icon>
);

export const ChevronUpIcon = () => (
  <Icon>
    <path d="M5 12l5-5 5 5" />
  </Icon>
);

export const ChevronDownIcon = () => (
  <Icon>
    <path d="M5 8l5 5 5-5" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon>
    <path d="M5 5l10 10M15 5 5 15" />
  </Icon>
);
