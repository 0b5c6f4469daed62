import type { NodeJSON } from '../schema';

/** The text of a clause, blocks joined by newlines: what the preview shows and alignment measures. */
export function plainTextOf(node: NodeJSON): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hard_break') return '\n';
  const parts = (node.content ?? []).map(plainTextOf);
  return node.type === 'doc' || node.type === 'bullet_list' || node.type === 'ordered_list' || node.type === 'list_item' ? parts.join('\n') : parts.join('');
}
