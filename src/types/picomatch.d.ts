// The part of picomatch's API we use (its own package ships no types).
declare module 'picomatch' {
  interface Options {
    dot?: boolean;
    basename?: boolean;
  }
  function picomatch(pattern: string | string[], options?: Options): (path: string) => boolean;
  export default picomatch;
}
