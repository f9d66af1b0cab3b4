//! `horizon_model::sort`: the one copy of the sort the page's crates share.

use horizon_model::sort::{sort, sort_by, sort_by_key};

#[test]
fn sorts_as_the_standard_library_does_and_keeps_equal_elements_in_order() {
    // Pairs sorted by their first half only: the second half shows the order kept.
    let mut seed = 7u32;
    let mut next = || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        seed >> 16
    };
    for len in [0, 1, 2, 3, 20, 33, 500] {
        let v: Vec<(u32, u32)> = (0..len).map(|i| (next() % 7, i)).collect();
        let (mut ours, mut std) = (v.clone(), v.clone());
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        std.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(ours, std, "{len} elements");
        let mut by_key = v.clone();
        sort_by_key(&mut by_key, |x| std::cmp::Reverse(x.0));
        let mut std_key = v;
        std_key.sort_by_key(|x| std::cmp::Reverse(x.0));
        assert_eq!(by_key, std_key, "{len} elements, by key");
    }
    let mut words = vec!["theme".to_string(), "district".into(), "focus area".into()];
    sort(&mut words);
    assert_eq!(words, ["district", "focus area", "theme"]);
}
