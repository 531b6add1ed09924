/** Compile-time checks that two types are the same (a `false` fails `Expect`); nothing of it runs. */
export type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Expect<T extends true> = T;
