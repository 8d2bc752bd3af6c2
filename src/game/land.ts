/**
 * A stylised world made of dots: rough continent outlines (lon, lat), projected the way scenario
 * regions are placed (mapX = (lon + 180) / 360, mapY = (90 − lat) / 141), drawn once per resize to
 * a plain 2D canvas that Phaser uses as a texture (works in WebGL and Canvas renderers).
 */
type Poly = [number, number][];

const LAND: Poly[] = [
  // North America
  [[-168, 66], [-162, 70], [-140, 70], [-125, 70], [-110, 73], [-95, 72], [-82, 73], [-75, 68], [-62, 60], [-56, 52], [-66, 45], [-70, 42], [-76, 38], [-76, 35], [-81, 31], [-80, 26], [-82, 28], [-85, 30], [-90, 29], [-94, 29], [-97, 27], [-97, 22], [-95, 19], [-90, 21], [-87, 21], [-88, 16], [-83, 15], [-83, 10], [-79, 9], [-78, 8], [-80, 7], [-85, 10], [-88, 13], [-92, 14], [-96, 16], [-105, 20], [-106, 23], [-110, 24], [-112, 29], [-115, 30], [-117, 33], [-121, 35], [-124, 40], [-124, 46], [-124, 49], [-130, 54], [-135, 58], [-140, 60], [-148, 61], [-153, 59], [-158, 57], [-165, 60]],
  // Hudson Bay is water: drawn as a hole below
  // Greenland
  [[-45, 60], [-42, 62], [-38, 65], [-25, 70], [-20, 76], [-25, 82], [-45, 83], [-60, 82], [-68, 77], [-58, 74], [-55, 70], [-50, 66]],
  // South America
  [[-80, 8], [-77, 9], [-72, 12], [-63, 11], [-55, 6], [-50, 1], [-44, -2], [-35, -6], [-35, -9], [-39, -14], [-40, -21], [-48, -26], [-53, -33], [-58, -38], [-62, -40], [-65, -45], [-68, -50], [-70, -55], [-74, -52], [-75, -46], [-73, -38], [-71, -30], [-70, -18], [-76, -14], [-81, -6], [-80, -2], [-78, 2]],
  // Eurasia
  [[-9, 37], [-9, 43], [-1, 44], [-4, 48], [2, 51], [8, 54], [9, 57], [11, 58], [5, 58], [5, 62], [14, 67], [20, 70], [28, 71], [40, 68], [45, 68], [55, 69], [68, 72], [80, 73], [100, 77], [112, 74], [130, 72], [150, 71], [170, 70], [180, 68], [180, 65], [165, 60], [158, 52], [155, 58], [143, 59], [137, 54], [141, 48], [135, 43], [130, 42], [128, 38], [126, 35], [122, 31], [121, 28], [117, 24], [110, 21], [108, 21], [106, 17], [109, 12], [105, 9], [101, 13], [100, 8], [103, 2], [98, 8], [98, 16], [94, 17], [92, 22], [88, 22], [85, 19], [80, 15], [78, 8], [76, 10], [73, 17], [72, 21], [67, 24], [62, 25], [57, 26], [56, 24], [58, 22], [55, 17], [45, 13], [43, 15], [39, 22], [35, 28], [34, 31], [36, 36], [30, 37], [27, 37], [26, 40], [23, 40], [22, 37], [20, 40], [19, 42], [16, 43], [13, 45], [12, 44], [16, 41], [18, 40], [15, 38], [11, 42], [9, 44], [6, 43], [3, 43], [0, 39], [-2, 37], [-6, 36]],
  // Britain, Ireland, Iceland
  [[-5, 50], [1, 51], [2, 53], [0, 54], [-2, 56], [-2, 58], [-5, 59], [-6, 57], [-5, 55], [-3, 54], [-5, 52]],
  [[-10, 52], [-6, 52], [-6, 55], [-8, 55], [-10, 54]],
  [[-24, 64], [-14, 64], [-14, 66], [-22, 66]],
  // Africa, Madagascar
  [[-17, 21], [-13, 28], [-9, 33], [-6, 36], [0, 36], [10, 37], [11, 34], [20, 31], [30, 31], [32, 31], [34, 28], [37, 22], [39, 16], [43, 12], [51, 12], [48, 5], [41, -2], [40, -10], [40, -16], [35, -24], [33, -29], [27, -34], [20, -35], [18, -32], [14, -23], [12, -17], [13, -8], [9, -1], [9, 4], [4, 6], [-4, 5], [-8, 4], [-13, 8], [-17, 14]],
  [[44, -25], [47, -25], [50, -15], [49, -12], [44, -17]],
  // Australia, New Zealand
  [[114, -22], [114, -34], [118, -35], [124, -33], [131, -31], [136, -35], [140, -38], [147, -39], [150, -37], [153, -30], [153, -25], [146, -19], [142, -11], [140, -17], [136, -12], [131, -11], [126, -14], [122, -18]],
  [[172, -35], [178, -38], [174, -41], [167, -46]],
  // Japan, Taiwan, islands of South-East Asia
  [[130, 31], [131, 34], [135, 34], [140, 36], [141, 40], [140, 42], [142, 45], [145, 43], [141, 41], [142, 38], [141, 35], [137, 34], [133, 33]],
  [[120, 22], [122, 25], [121, 23]],
  [[95, 5], [98, 4], [104, -2], [106, -6], [102, -4], [96, 3]],
  [[109, 1], [110, -3], [116, -4], [119, 1], [117, 7], [113, 3]],
  [[131, -1], [138, -2], [147, -6], [150, -10], [142, -9], [138, -8]],
  [[106, -6], [115, -8], [114, -9], [106, -7]],
];
const WATER: Poly[] = [
  // Hudson Bay, Baltic, Black Sea, Caspian
  [[-95, 58], [-88, 56], [-80, 52], [-78, 56], [-78, 62], [-85, 64], [-94, 61]],
  [[14, 54], [20, 54], [24, 57], [30, 60], [22, 61], [21, 64], [25, 65], [21, 66], [17, 62], [19, 59], [16, 56]],
  [[28, 41], [35, 41], [41, 42], [38, 45], [33, 46], [30, 45]],
  [[47, 37], [54, 37], [53, 42], [51, 46], [47, 45]],
];

export const lonToX = (lon: number) => (lon + 180) / 360;
export const latToY = (lat: number) => (90 - lat) / 141;

function inside(poly: Poly, lon: number, lat: number): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

const boxes = (ps: Poly[]) => ps.map((p) => ({ p, minX: Math.min(...p.map((q) => q[0])), maxX: Math.max(...p.map((q) => q[0])), minY: Math.min(...p.map((q) => q[1])), maxY: Math.max(...p.map((q) => q[1])) }));
const LAND_B = boxes(LAND);
const WATER_B = boxes(WATER);

export function isLand(lon: number, lat: number): boolean {
  let land = false;
  for (const b of LAND_B) if (lon >= b.minX && lon <= b.maxX && lat >= b.minY && lat <= b.maxY && inside(b.p, lon, lat)) { land = true; break; }
  if (!land) return false;
  for (const b of WATER_B) if (lon >= b.minX && lon <= b.maxX && lat >= b.minY && lat <= b.maxY && inside(b.p, lon, lat)) return false;
  return true;
}

export interface View { x0: number; y0: number; scale: number; width: number; height: number }

/** Screen position of a map point (mapX/mapY in 0–1). */
export function project(v: View, mx: number, my: number): { x: number; y: number } {
  return { x: (mx - v.x0) * v.scale, y: (my - v.y0) * v.scale * 0.39 };
}
/** Inverse vertical factor: 1 unit of mapY spans 141° of latitude vs 360° for mapX. */
export const Y_ASPECT = 0.39;

/** Draw the dotted land for a view onto a canvas of the view's size. */
export function drawLand(canvas: HTMLCanvasElement, v: View, dot: string, dotHi: string): void {
  canvas.width = Math.max(1, Math.round(v.width));
  canvas.height = Math.max(1, Math.round(v.height));
  const ctx = canvas.getContext('2d')!;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const step = Math.max(6, Math.round(v.width / 110));
  const r = Math.max(1.2, step * 0.24);
  for (let sy = step / 2; sy < v.height; sy += step) {
    const my = sy / (v.scale * Y_ASPECT) + v.y0;
    const lat = 90 - my * 141;
    for (let sx = step / 2; sx < v.width; sx += step) {
      const mx = sx / v.scale + v.x0;
      const lon = mx * 360 - 180;
      if (lon < -180 || lon > 180 || lat < -60 || lat > 85) continue;
      if (!isLand(lon, lat)) continue;
      // Slight shimmer: every few dots brighter, a deterministic pattern (no randomness).
      ctx.fillStyle = ((Math.round(sx / step) * 7 + Math.round(sy / step) * 13) % 11 === 0) ? dotHi : dot;
      ctx.beginPath();
      ctx.arc(sx, sy, r, 0, Math.PI * 2);
      ctx.fill();
    }
  }
}
