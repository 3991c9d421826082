// Self-care (SPEC §2.6): request and response shapes. Filled by the self-care server work.
export {};
