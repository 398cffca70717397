// QR decoding in the page (BarcodeDetector is not everywhere): camera frames or a chosen image,
// drawn on a canvas and read by jsQR.
// Loaded when first needed: the rest of the app works even where app/vendor/ is missing.
let decoder;
function jsQR(...args) {
  return decoder(...args);
}
async function loadDecoder() {
  decoder ??= (await import('../vendor/jsqr.mjs')).default;
}

function decodeCanvas(canvas) {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** The text of the QR code in an image file, or null. Small images are scaled up first. */
export async function decodeImageFile(file) {
  await loadDecoder();
  const bitmap = await createImageBitmap(file);
  try {
    for (const scale of [1, 3]) {
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width * scale;
      canvas.height = bitmap.height * scale;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      context.imageSmoothingEnabled = false;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const text = decodeCanvas(canvas);
      if (text) return text;
    }
    return null;
  } finally {
    bitmap.close();
  }
}

/**
 * Reads the camera until a QR code is seen (resolves with its text) or `signal` aborts.
 * The stream is always stopped.
 */
export async function scanCamera(video, signal) {
  await loadDecoder();
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  try {
    video.srcObject = stream;
    await video.play();
    const canvas = document.createElement('canvas');
    while (!signal.aborted) {
      await new Promise((r) => setTimeout(r, 150));
      if (!video.videoWidth) continue;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext('2d', { willReadFrequently: true }).drawImage(video, 0, 0);
      const text = decodeCanvas(canvas);
      if (text) return text;
    }
    return null;
  } finally {
    stream.getTracks().forEach((t) => t.stop());
    video.srcObject = null;
  }
}
