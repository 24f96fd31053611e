/**
 * A picked file's bytes and text. Blob.arrayBuffer() and Blob.text() came with Chromium 76; WPS's engine may be
 * older (the pane keeps to Chromium 70), so FileReader, which every engine has, is used where they are missing.
 */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  const modern = file.arrayBuffer as Blob["arrayBuffer"] | undefined;
  if (typeof modern === "function") return modern.call(file).then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("读取文件失败"));
    reader.readAsArrayBuffer(file);
  });
}

/** The file as UTF-8 text (a byte-order mark dropped), as Blob.text() reads it. */
export const fileText = (file: Blob): Promise<string> => fileBytes(file).then((bytes) => new TextDecoder("utf-8").decode(bytes));
