// f32x4 exp, sigmoid and tanh. The scalar Mathf versions would cost more than the recurrent product itself for small
// networks; these follow Cephes' expf/tanhf (a few ulp), well inside the 1e-4 the kernel is held to against tfjs.

@inline
function sp(x: f32): v128 {
  return f32x4.splat(x);
}

@inline
export function vexp(x0: v128): v128 {
  // Clamped so that 2^n stays a normal float32.
  const x = f32x4.min(f32x4.max(x0, sp(-87.0)), sp(88.0));
  const n = f32x4.nearest(f32x4.mul(x, sp(1.44269504088896341)));
  // x − n·ln2 in two parts (Cody–Waite), so the reduction loses no precision.
  let r = f32x4.sub(x, f32x4.mul(n, sp(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, sp(-2.12194440e-4)));
  let p = sp(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), sp(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), sp(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), sp(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), sp(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), sp(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), sp(1.0));
  const e = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(p, e);
}

@inline
export function vsigmoid(x: v128): v128 {
  return f32x4.div(sp(1.0), f32x4.add(sp(1.0), vexp(f32x4.neg(x))));
}

@inline
export function vtanh(x: v128): v128 {
  const ax = f32x4.abs(x);
  // Large |x|: (1 − e^{−2|x|}) / (1 + e^{−2|x|}) with x's sign.
  const t = vexp(f32x4.mul(ax, sp(-2.0)));
  const big = f32x4.div(f32x4.sub(sp(1.0), t), f32x4.add(sp(1.0), t));
  const signed = v128.or(big, v128.and(x, i32x4.splat(0x80000000)));
  // Small |x|: the odd polynomial, where the quotient above would cancel.
  const z = f32x4.mul(x, x);
  let p = sp(-5.70498872745e-3);
  p = f32x4.add(f32x4.mul(p, z), sp(2.06390887954e-2));
  p = f32x4.add(f32x4.mul(p, z), sp(-5.37397155531e-2));
  p = f32x4.add(f32x4.mul(p, z), sp(1.33314422036e-1));
  p = f32x4.add(f32x4.mul(p, z), sp(-3.33332819422e-1));
  const small = f32x4.add(f32x4.mul(f32x4.mul(p, z), x), x);
  return v128.bitselect(small, signed, f32x4.lt(ax, sp(0.625)));
}
