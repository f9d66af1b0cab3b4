//! A consultation share written as a percentage reads back as the very same share.

use horizon_io::workbook::{percent_of_share, share_of_percent};
use proptest::prelude::*;

#[test]
fn the_shipped_shares_and_round_figures_come_back_exactly() {
    assert_eq!(percent_of_share(0.78), 78.0);
    assert_eq!(percent_of_share(0.29), 29.0, "not 28.999999999999996");
    assert_eq!(percent_of_share(0.57), 57.0, "not 56.99999999999999");
    assert_eq!(percent_of_share(0.005), 0.5);
    assert_eq!(percent_of_share(0.0), 0.0);
    assert_eq!(percent_of_share(1.0), 100.0);
    // Any share with up to two decimal places, as a scenario file holds them.
    for k in 0..=100 {
        let share = k as f64 / 100.0;
        assert_eq!(share_of_percent(percent_of_share(share)), share, "{share}");
    }
    // Any percentage typed with up to three decimal places comes back as typed.
    for k in 0..=100_000 {
        let typed = k as f64 / 1000.0;
        let share = typed / 100.0;
        assert_eq!(percent_of_share(share), typed, "{typed}");
        assert_eq!(share_of_percent(percent_of_share(share)), share, "{share}");
    }
}

#[test]
fn a_share_no_percentage_divides_back_to_comes_within_a_unit() {
    // 0.013 written by hand in a scenario file: 1.3 / 100 is 0.013000000000000001.
    assert_eq!(percent_of_share(0.013), 1.3);
    assert_eq!(share_of_percent(1.3), 0.013000000000000001);
    assert_eq!(share_of_percent(1.3).to_bits(), 0.013f64.to_bits() + 1);
}

proptest! {
    /// Every share the consultation form makes (what was typed ÷ 100) comes back.
    #[test]
    fn a_typed_percentage_comes_back(typed in 0.0f64..=100.0) {
        let share = typed / 100.0;
        prop_assert_eq!(share_of_percent(percent_of_share(share)), share);
    }

    /// Any other share comes back within one unit in its last place.
    #[test]
    fn any_share_comes_back_within_a_unit(share in 0.0f64..=1.0) {
        let back = share_of_percent(percent_of_share(share));
        let apart = (back.to_bits() as i64 - share.to_bits() as i64).abs();
        prop_assert!(apart <= 1, "{share} came back as {back}");
    }
}
