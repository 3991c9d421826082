// Live assist (SPEC §2.5): request, response and stream message shapes. Filled by the live-assist server work.
export {};
