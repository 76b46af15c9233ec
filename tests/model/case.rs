//! Lower case in one place (`model::case`): the same answers as Rust's own mappings, the
//! final-sigma rule kept for text and left out for ids.

use annotator::model::annotation::entity_id;
use annotator::model::case::{is_full, lowercase, lowercase_each};

#[test]
fn lowercase_is_the_unicode_mapping_of_the_whole_text() {
    for text in [
        "Sergey LAVROV",
        "ÉCOLE Ünal",
        "ΟΔΥΣΣΕΥΣ",
        "İstanbul",
        "Straße ẞ",
        "Кремль",
        "",
    ] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
    }
    // Final sigma: the last capital sigma of a word becomes ς.
    assert_eq!(lowercase("ΟΔΥΣΣΕΥΣ"), "οδυσσευς");
    assert!(is_full());
}

#[test]
fn lowercase_each_maps_every_character_alone() {
    for text in [
        "Sergey LAVROV",
        "ÉCOLE Ünal",
        "ΟΔΥΣΣΕΥΣ",
        "ΣΑΣ και ΣΑΣ",
        "İstanbul",
        "Кремль",
    ] {
        let expected: String = text.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(lowercase_each(text), expected, "{text}");
    }
    // No final sigma: an id made from a name in capitals stays what it was.
    assert_eq!(lowercase_each("ΟΔΥΣΣΕΥΣ"), "οδυσσευσ");
    assert_eq!(entity_id("ΟΔΥΣΣΕΥΣ Ünal"), "οδυσσευσ-ünal");
}
