export const entities: Function[] = [];
