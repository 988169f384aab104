// esbuild's text loader (package.json, the embed build): a CSS file imports as its text.
declare module "*.css" {
  const text: string;
  export default text;
}
