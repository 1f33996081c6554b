//! `words::fixed` writes what `format!("{:.N}")` writes, except at halves, which it
//! rounds away from zero, and a negative value that rounds to zero, written without a sign.

use claimlens_view::words::fixed;

#[test]
fn fixed_writes_what_std_formatting_writes() {
    let cases: &[(f64, u32, &str)] = &[
        (0.0, 0, "0"),
        (64.2, 0, "64"),
        (64.7, 0, "65"),
        (99.96, 1, "100.0"),
        (2.04, 1, "2.0"),
        (2.06, 1, "2.1"),
        (0.05, 1, "0.1"),
        (-0.3, 1, "-0.3"),
        (-0.04, 1, "0.0"),
        (1234.5678, 2, "1234.57"),
        (f64::NAN, 1, "0.0"),
        (f64::INFINITY, 0, "0"),
        (12.5, 0, "13"),
    ];
    for &(x, places, want) in cases {
        assert_eq!(fixed(x, places), want, "fixed({x}, {places})");
    }
    // Away from halves, the same as the standard formatting (at a decimal half such as
    // 15.45, stored as 15.4499…, the standard formatting goes down and fixed up).
    let half = |x: f64, places: i32| ((x * 10f64.powi(places)).fract() - 0.5).abs() < 1e-6;
    for i in 0..20_000u32 {
        let x = f64::from(i) * 0.0173 + 0.0011;
        if half(x, 0) || half(x, 1) {
            continue;
        }
        assert_eq!(fixed(x, 0), format!("{x:.0}"), "{x}");
        assert_eq!(fixed(x, 1), format!("{x:.1}"), "{x}");
        // The standard formatting writes "-0.0" for a small negative value; fixed "0.0".
        let std = format!("{:.1}", -x).replace("-0.0", "0.0");
        assert_eq!(fixed(-x, 1), std, "{x}");
    }
}
