/** An object with exactly the keys of T, every leaf a string: how en.ts mirrors zh-CN.ts. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };
