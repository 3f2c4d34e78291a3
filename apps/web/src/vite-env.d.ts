// Vite's `?url` imports: the file is copied to the build as it is and the import is its URL.
declare module '*?url' {
  const url: string;
  export default url;
}
