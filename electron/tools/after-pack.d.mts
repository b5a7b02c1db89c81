/** Types for after-pack.mjs (electron-builder afterPack hook; tested in tests/unit/electron/tools). */
export declare function nodeModuleVersionsOf(binary: Buffer): number[]
export declare function packedBindingPath(
  appOutDir: string,
  platform: string,
  productFilename: string,
): string
export declare function electronAbi(electronVersion: string): number
export declare function checkElectronAbi(binary: Buffer, electronVersion: string): number
declare function afterPack(context: {
  appOutDir: string
  electronPlatformName: string
  packager: { appInfo: { productFilename: string }; info: { framework: { version: string } } }
}): Promise<void>
export default afterPack
