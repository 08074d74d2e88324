// Photos on records: a picked image file is drawn smaller on a canvas and kept as a small JPEG
// data URL in the record itself (the app's data lives in localStorage, a few megabytes in all, so
// a full-size photo would not fit). The preview CSP allows `data:` images but not `blob:` ones,
// so files are decoded with createImageBitmap, else read as a data URL first.

/** The longest side of a stored photo, in pixels: a thumbnail and a modest detail view. */
export const photoMaxSide = 480;
/** JPEG quality of a stored photo. */
const photoQuality = 0.72;

/** Whether a stored value is a photo this app can show (a data URL of an image). */
export function isPhotoValue(value) {
  return typeof value === "string" && /^data:image\/(jpeg|png|webp|gif);base64,/.test(value);
}

/** The width and height that fit `width`×`height` within `max` on the longest side (never larger). */
export function fitWithin(width, height, max = photoMaxSide) {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** @param {Blob} file @returns {Promise<string>} */
function readAsDataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error || new Error("unreadable file"));
    reader.readAsDataURL(file);
  });
}

/** @param {Blob} file @returns {Promise<{ source: CanvasImageSource, width: number, height: number }>} */
async function decode(file) {
  if (typeof createImageBitmap === "function") {
    try {
      const bitmap = await createImageBitmap(file);
      return { source: bitmap, width: bitmap.width, height: bitmap.height };
    } catch {
      // Some formats only the <img> decoder knows: fall through.
    }
  }
  const url = await readAsDataUrl(file);
  const image = new Image();
  await new Promise((resolve, reject) => {
    image.onload = resolve;
    image.onerror = () => reject(new Error("not an image"));
    image.src = url;
  });
  return { source: image, width: image.naturalWidth, height: image.naturalHeight };
}

/**
 * A picked file as a small JPEG data URL, or throws (not an image, or the browser cannot draw it).
 * @param {Blob} file
 * @returns {Promise<string>}
 */
export async function shrinkPhoto(file) {
  if (file.type && !file.type.startsWith("image/")) throw new Error("not an image");
  const { source, width, height } = await decode(file);
  if (!width || !height) throw new Error("not an image");
  const size = fitWithin(width, height);
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no canvas");
  // JPEG has no transparency: a white ground, as a printed photo.
  context.fillStyle = "#fff";
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(source, 0, 0, size.width, size.height);
  if ("close" in source && typeof source.close === "function") source.close();
  const url = canvas.toDataURL("image/jpeg", photoQuality);
  if (!isPhotoValue(url)) throw new Error("no canvas");
  return url;
}
