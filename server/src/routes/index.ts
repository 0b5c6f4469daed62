import type { Router } from 'express';
import type { AppContext } from '../context';

/** Every router mounted under /api, in order. Each resource adds its own line here. */
export function apiRouters(_ctx: AppContext): Router[] {
  return [];
}
