// Matrix products with f32x4 register tiles: C[M×N] (+)= A·B with A read through arbitrary element strides, so one
// routine serves A·B (row-major A) and Aᵀ·B (weight gradients summed over every step and row at once).
// M and N are multiples of 4 (the layout pads units, rows and inputs to 4); K is anything.

// K is cut into blocks so a block of B stays in cache while every tile that needs it runs.
const KC: i32 = 256;
// Below this many bytes a K-block of B stays in L2 while A's rows go by; above it, walk B's column panels instead.
const B_IN_L2: i32 = 192 * 1024;

@inline
function mad(c: v128, a: v128, b: v128): v128 {
  return f32x4.add(c, f32x4.mul(a, b));
}

/** One 4×8 tile of C over K steps. Strides in bytes. */
@inline
function tile4x8(K: i32, a: usize, ars: usize, acs: usize, b: usize, ldb: usize, c: usize, ldc: usize, acc: bool): void {
  const c1 = c + ldc;
  const c2 = c1 + ldc;
  const c3 = c2 + ldc;
  let x0 = f32x4.splat(0), y0 = f32x4.splat(0);
  let x1 = f32x4.splat(0), y1 = f32x4.splat(0);
  let x2 = f32x4.splat(0), y2 = f32x4.splat(0);
  let x3 = f32x4.splat(0), y3 = f32x4.splat(0);
  if (acc) {
    x0 = v128.load(c); y0 = v128.load(c, 16);
    x1 = v128.load(c1); y1 = v128.load(c1, 16);
    x2 = v128.load(c2); y2 = v128.load(c2, 16);
    x3 = v128.load(c3); y3 = v128.load(c3, 16);
  }
  let pa = a;
  let pb = b;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let s = v128.load32_splat(pa);
    x0 = mad(x0, s, b0); y0 = mad(y0, s, b1);
    s = v128.load32_splat(pa + ars);
    x1 = mad(x1, s, b0); y1 = mad(y1, s, b1);
    s = v128.load32_splat(pa + 2 * ars);
    x2 = mad(x2, s, b0); y2 = mad(y2, s, b1);
    s = v128.load32_splat(pa + 3 * ars);
    x3 = mad(x3, s, b0); y3 = mad(y3, s, b1);
    pa += acs;
    pb += ldb;
  }
  v128.store(c, x0); v128.store(c, y0, 16);
  v128.store(c1, x1); v128.store(c1, y1, 16);
  v128.store(c2, x2); v128.store(c2, y2, 16);
  v128.store(c3, x3); v128.store(c3, y3, 16);
}

/** The 4×4 tile for a last column panel of width 4. */
@inline
function tile4x4(K: i32, a: usize, ars: usize, acs: usize, b: usize, ldb: usize, c: usize, ldc: usize, acc: bool): void {
  const c1 = c + ldc;
  const c2 = c1 + ldc;
  const c3 = c2 + ldc;
  let x0 = f32x4.splat(0), x1 = f32x4.splat(0), x2 = f32x4.splat(0), x3 = f32x4.splat(0);
  if (acc) {
    x0 = v128.load(c); x1 = v128.load(c1); x2 = v128.load(c2); x3 = v128.load(c3);
  }
  let pa = a;
  let pb = b;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(pb);
    x0 = mad(x0, v128.load32_splat(pa), b0);
    x1 = mad(x1, v128.load32_splat(pa + ars), b0);
    x2 = mad(x2, v128.load32_splat(pa + 2 * ars), b0);
    x3 = mad(x3, v128.load32_splat(pa + 3 * ars), b0);
    pa += acs;
    pb += ldb;
  }
  v128.store(c, x0); v128.store(c1, x1); v128.store(c2, x2); v128.store(c3, x3);
}

@inline
function tile(K: i32, i: i32, j: i32, N: i32, a: usize, ars: usize, acs: usize, b: usize, ldb: usize, c: usize, ldc: usize, acc: bool): void {
  const pa = a + <usize>i * ars;
  const pc = c + <usize>i * ldc + (<usize>j << 2);
  const pb = b + (<usize>j << 2);
  if (j + 8 <= N) tile4x8(K, pa, ars, acs, pb, ldb, pc, ldc, acc);
  else tile4x4(K, pa, ars, acs, pb, ldb, pc, ldc, acc);
}

/**
 * C = (acc ? C : 0) + Σ_k A(i,k)·B[k,j], where A(i,k) = a[i·ars + k·acs]; B and C are row-major with leading
 * dimensions ldb and ldc. Pointers in bytes, strides in elements.
 */
export function gemm(M: i32, N: i32, K: i32, a: usize, ars: i32, acs: i32, b: usize, ldb: i32, c: usize, ldc: i32, acc: bool): void {
  const rs = <usize>ars << 2;
  const cs = <usize>acs << 2;
  const lb = <usize>ldb << 2;
  const lc = <usize>ldc << 2;
  if (K == 0) {
    if (!acc) for (let i = 0; i < M; i++) memory.fill(c + <usize>i * lc, 0, <usize>N << 2);
    return;
  }
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kn = min(KC, K - k0);
    const ak = a + <usize>k0 * cs;
    const bk = b + <usize>k0 * lb;
    const first = acc || k0 > 0;
    if (kn * N * 4 <= B_IN_L2) {
      for (let i = 0; i < M; i += 4) for (let j = 0; j < N; j += 8) tile(kn, i, j, N, ak, rs, cs, bk, lb, c, lc, first);
    } else {
      for (let j = 0; j < N; j += 8) for (let i = 0; i < M; i += 4) tile(kn, i, j, N, ak, rs, cs, bk, lb, c, lc, first);
    }
  }
}
