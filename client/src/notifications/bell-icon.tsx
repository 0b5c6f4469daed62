/** The bell of the header (decorative: the button carries its translated name). */
import { Icon } from '../components/icons';

export const BellIcon = () => (
  <Icon size={18}>
    <path d="M5 8a5 5 0 0 1 10 0c0 4 1.5 5.5 2 6H3c.5-.5 2-2 2-6Z" />
    <path d="M8.5 17a1.6 1.6 0 0 0 3 0" />
  </Icon>
);
