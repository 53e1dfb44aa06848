//! Database round trips and all-or-nothing imports, on a private in-memory database.

use vfu_core::format::read_scenario;
use vfu_store::{Store, StoreError};
use vfu_tests::{example_scenario, example_text};

#[tokio::test]
async fn examples_round_trip_field_for_field() {
    let store = Store::open_in_memory().await.unwrap();
    for name in ["tiny.json", "small.json"] {
        let scenario = example_scenario(name);
        store.import_scenario(&scenario).await.unwrap();
        let back = store.export_scenario(&scenario.term.id).await.unwrap();
        assert_eq!(back, scenario, "{name}");
    }
    assert_eq!(store.list_terms().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_failing_import_leaves_the_database_as_it_was() {
    let store = Store::open_in_memory().await.unwrap();
    let tiny = example_scenario("tiny.json");
    store.import_scenario(&tiny).await.unwrap();
    // A scenario that only the database can refuse: a preference for a unit that does not
    // exist breaks a foreign key late in the import, after most rows are written.
    let mut bad = read_scenario(&example_text("small.json")).unwrap();
    bad.students.last_mut().unwrap().needs[0].preferences.push("no-such-unit".into());
    let err = store.import_scenario(&bad).await.unwrap_err();
    assert!(matches!(err, StoreError::Database(_)), "{err:?}");
    let terms = store.list_terms().await.unwrap();
    assert_eq!(terms.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["HT2027-v45"]);
    assert!(matches!(store.export_scenario(&bad.term.id).await, Err(StoreError::TermNotFound(_))));
    assert_eq!(store.export_scenario(&tiny.term.id).await.unwrap(), tiny);
}

#[tokio::test]
async fn a_term_is_imported_once() {
    let store = Store::open_in_memory().await.unwrap();
    let tiny = example_scenario("tiny.json");
    store.import_scenario(&tiny).await.unwrap();
    assert!(matches!(store.import_scenario(&tiny).await, Err(StoreError::TermExists(id)) if id == "HT2027-v45"));
}

#[tokio::test]
async fn term_list_counts() {
    let store = Store::open_in_memory().await.unwrap();
    assert!(store.is_empty().await.unwrap());
    store.import_scenario(&example_scenario("tiny.json")).await.unwrap();
    let terms = store.list_terms().await.unwrap();
    let t = &terms[0];
    assert_eq!((t.schools, t.programmes, t.providers, t.units, t.students), (3, 4, 2, 5, 12));
    assert_eq!((t.needs, t.supervisors, t.open_weeks), (14, 11, 9));
    // Places at peak: avd12 nurse 2 (W48–51), assistant nurse 1; kua nurse 2, physician 1;
    // akut physician 2, medical secretary 1; capio-kir nurse 1, assistant nurse 2; capio-mott 1.
    assert_eq!(t.places, 13);
    // Place-weeks over 9 open weeks: avd12 9+4+9, kua 18+9, akut 18+9, kir 9+18, mott 6 (W45–W50).
    assert_eq!(t.place_weeks, 22 + 27 + 27 + 27 + 6);
    assert_eq!(t.need_weeks, 4 + 2 + 2 + 2 + 2 + 4 + 5 + 3 + 4 + 3 + 3 + 5 + 5 + 3);
    store.delete_term("HT2027-v45").await.unwrap();
    assert!(store.is_empty().await.unwrap());
}
