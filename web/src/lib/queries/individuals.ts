/** Every query about Individuals (clients) starts with this key; conversion refreshes them. */
export const individualsQueryKey = ['individuals'] as const;
