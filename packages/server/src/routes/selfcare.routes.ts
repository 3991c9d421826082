import type { TRouteApp } from '../app.js';
import type { TDeps } from '../context.js';

/** 自我关怀 (SPEC §2.6): the owner's private entries, stress checks, export and delete; team aggregates. */
export function registerSelfcareRoutes(_app: TRouteApp, _deps: TDeps): void {}
