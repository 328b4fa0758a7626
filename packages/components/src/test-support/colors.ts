// Colours as the eye gets them: the browser serialises a derived colour as `color(xyz-d65 …)`, so tests compare
// colours by their sRGB value on screen, not by their text.

/** A CSS colour as `rgb(r, g, b)` with 0–255 channels, drawn once on a canvas. */
export function onScreen(color: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return `rgb(${r}, ${g}, ${b})`;
}
