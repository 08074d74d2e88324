// Photos kept on records (runtime/src/records/photo.js): what counts as a stored photo, and the
// size a picked picture is shrunk to. Decoding and drawing need a real canvas: the browser
// integration cases (blocks/data/records-blocks.integration.test.ts) upload a real file.
import { describe, expect, it } from "vitest";
import { fitWithin, isPhotoValue, photoMaxSide } from "../runtime/src/records/photo.js";

describe("photos on records", () => {
  it("knows a stored photo (an image data URL) from anything else", () => {
    expect(isPhotoValue("data:image/jpeg;base64,/9j/4AAQ")).toBe(true);
    expect(isPhotoValue("data:image/png;base64,iVBORw0KGgo=")).toBe(true);
    for (const value of ["", null, undefined, 3, "https://example.com/a.jpg", "javascript:alert(1)", "data:text/html;base64,PGI+", "data:image/svg+xml;base64,PHN2Zz4="]) expect(isPhotoValue(value)).toBe(false);
  });

  it("shrinks to the longest side, keeps the shape and never enlarges", () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: photoMaxSide, height: Math.round((photoMaxSide * 3) / 4) });
    expect(fitWithin(1000, 4000, 400)).toEqual({ width: 100, height: 400 });
    expect(fitWithin(64, 48)).toEqual({ width: 64, height: 48 });
    expect(fitWithin(0, 0)).toEqual({ width: 1, height: 1 });
  });
});
