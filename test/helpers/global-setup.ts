// End-to-end tests run the built binary: build it once before any test file.
export default async function setup(): Promise<void> {
  // @ts-expect-error plain ESM build script without types
  const { buildCli } = await import('../../scripts/build.mjs');
  await buildCli();
}
