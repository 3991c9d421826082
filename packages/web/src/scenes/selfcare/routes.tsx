import type { RouteObject } from 'react-router-dom';

/** 自我关怀 under /selfcare (SPEC §2.6): private to the signed-in person. */
export const selfcareRoutes: RouteObject[] = [];

/** Pages that work without signing in and offline (the breathing pacer at /breathe). */
export const publicSelfcareRoutes: RouteObject[] = [];
