//! The coordinator's workbench below the window: a plan stored as the draft, changed by hand
//! with every rule checked and every change kept with its reason, locked, published as
//! versions and compared; scenario edits saved with their undo. Core and store together, on a
//! private in-memory database.

use vfu_core::adjust::{apply_change, check_change, lock_placement, ManualChange};
use vfu_core::checker::{check_plan, Rule};
use vfu_core::edit::{apply_edit, EntityKind, ScenarioEdit};
use vfu_core::format::{read_plan, scenario_value, write_plan};
use vfu_core::review::{compare_plans, review_plan};
use vfu_core::unplaced::{UnitSample, UnplacedFacts};
use vfu_store::{ChangeAction, PlanChange, Spot, Store, DRAFT};
use vfu_tests::{example_plan, example_scenario};

fn change(action: ChangeAction, reason: &str) -> PlanChange {
    PlanChange {
        seq: 0,
        action,
        need: None,
        before: None,
        after: None,
        reason: reason.into(),
        created_at: String::new(),
    }
}

async fn store_with_tiny() -> Store {
    let store = Store::open_in_memory().await.unwrap();
    store.import_scenario(&example_scenario("tiny.json")).await.unwrap();
    store
}

#[tokio::test]
async fn a_draft_reads_back_as_it_was_stored() {
    let store = store_with_tiny().await;
    assert!(store.plan("HT2027-v45", DRAFT).await.unwrap().is_none(), "no plan before a run");
    let plan = example_plan("tiny.plan.json");
    store.save_draft(&plan, "optimal", &change(ChangeAction::Matching, "matching")).await.unwrap();
    let stored = store.plan("HT2027-v45", DRAFT).await.unwrap().unwrap();
    assert_eq!(stored.plan, plan);
    assert_eq!(stored.solver_status, "optimal");
    assert_eq!(stored.created_at.len(), "2026-11-23 04:00:00".len(), "{}", stored.created_at);
}

#[tokio::test]
async fn why_a_need_is_unplaced_is_stored_as_facts_but_never_written_to_a_plan_file() {
    let store = store_with_tiny().await;
    let scenario = example_scenario("tiny.json");
    let mut plan = example_plan("tiny.plan.json");
    assert!(plan.unplaced.iter().all(|u| u.facts.is_none()), "a plan file holds no facts");
    assert_eq!(plan.unplaced[0].need, "st-03-1");
    let facts =
        UnplacedFacts::NoTeam { student: "st-03".into(), wards: UnitSample { first: vec!["ks-kua".into()], total: 1 } };
    plan.unplaced[0].facts = Some(facts.clone());
    store.save_draft(&plan, "optimal", &change(ChangeAction::Matching, "matching")).await.unwrap();
    assert_eq!(store.publish("HT2027-v45", "").await.unwrap(), 1);

    for version in [DRAFT, 1] {
        let stored = store.plan("HT2027-v45", version).await.unwrap().unwrap();
        assert_eq!(stored.plan, plan, "version {version}");
        assert_eq!(stored.plan.unplaced[0].facts.as_ref(), Some(&facts));
        assert_eq!(stored.plan.unplaced[1].facts, None, "no facts stored, none read back");
        let review = review_plan(&scenario, &stored.plan);
        let facts_seen: Vec<_> = review.unplaced.iter().map(|u| u.facts.as_ref()).collect();
        assert_eq!(facts_seen, [Some(&facts), None]);
    }

    let text = write_plan(&plan);
    assert!(!text.contains("facts") && !text.contains("no_team"), "{text}");
    let mut read = read_plan(&text).unwrap();
    assert_eq!(read.unplaced[0].facts, None);
    read.unplaced[0].facts = Some(facts);
    assert_eq!(read, plan, "the file keeps everything else");
}

#[tokio::test]
async fn published_versions_never_change_and_compare_need_by_need() {
    let store = store_with_tiny().await;
    let scenario = example_scenario("tiny.json");
    let plan = example_plan("tiny.plan.json");
    store.save_draft(&plan, "optimal", &change(ChangeAction::Matching, "matching")).await.unwrap();
    assert_eq!(store.publish("HT2027-v45", "first").await.unwrap(), 1);

    // Take one placement out by hand: the draft changes, version 1 does not.
    let need = plan.placements[0].need.clone();
    let unplace = ManualChange::Unplace { need: need.clone() };
    let check = check_change(&scenario, &plan, &unplace).unwrap();
    assert!(check.cost_after > check.cost_before);
    let next = apply_change(&scenario, &plan, &unplace, "student on sick leave").unwrap();
    let mut record = change(ChangeAction::Unplace, "student on sick leave");
    record.need = Some(need.clone());
    record.before = Some(Spot {
        unit: plan.placements[0].unit.clone(),
        supervisor: plan.placements[0].supervisor.clone(),
        start: plan.placements[0].start.to_string(),
    });
    store.save_draft(&next, "manual", &record).await.unwrap();
    assert_eq!(store.publish("HT2027-v45", "").await.unwrap(), 2);

    let v1 = store.plan("HT2027-v45", 1).await.unwrap().unwrap();
    assert_eq!(v1.plan, plan);
    assert_eq!(v1.note, "first");
    let v2 = store.plan("HT2027-v45", 2).await.unwrap().unwrap();
    let diff = compare_plans(&v1.plan, &v2.plan);
    assert_eq!(diff.removed.len(), 1);
    assert_eq!(diff.removed[0].need, need);
    assert!(diff.moved.is_empty() && diff.added.is_empty());
    assert_eq!(diff.unchanged as usize, plan.placements.len() - 1);

    let versions = store.plan_versions("HT2027-v45").await.unwrap();
    assert_eq!(versions.iter().map(|v| v.version).collect::<Vec<_>>(), [0, 2, 1], "draft first, then newest");
    assert_eq!(versions[2].placed as usize, plan.placements.len());
    assert_eq!(versions[0].unplaced as usize, plan.unplaced.len() + 1);

    let audit = store.plan_changes("HT2027-v45").await.unwrap();
    let actions: Vec<_> = audit.iter().map(|c| c.action).collect();
    use ChangeAction::*;
    assert_eq!(actions, [Publish, Unplace, Publish, Matching], "newest first");
    assert_eq!(audit[1].reason, "student on sick leave");
    assert_eq!(audit[1].before.as_ref().unwrap().unit, plan.placements[0].unit);
    assert_eq!(audit[0].reason, "version 2");
}

#[tokio::test]
async fn publishing_without_a_draft_is_refused() {
    let store = store_with_tiny().await;
    assert!(matches!(store.publish("HT2027-v45", "").await, Err(vfu_store::StoreError::NoDraft(_))));
    assert!(store.plan_versions("HT2027-v45").await.unwrap().is_empty());
}

#[tokio::test]
async fn a_move_that_overfills_a_unit_is_named_and_a_lock_is_kept_in_the_scenario() {
    let scenario = example_scenario("tiny.json");
    let plan = example_plan("tiny.plan.json");
    let review = review_plan(&scenario, &plan);
    // Put an unplaced need where the plan already fills places: the checker names what breaks.
    let unplaced = &review.unplaced[0];
    let full = review.placements.iter().find(|p| p.profession == "nurse" && p.team.is_none()).unwrap();
    let mv = ManualChange::Place {
        need: unplaced.need.clone(),
        unit: full.unit.clone(),
        supervisor: full.supervisor.clone(),
        start: full.start,
    };
    let check = check_change(&scenario, &plan, &mv).unwrap();
    assert!(!check.violations.is_empty(), "placing on a full unit breaks a rule");
    assert!(check.violations.iter().all(|v| v.rule != Rule::Structure), "{:?}", check.violations);

    let store = store_with_tiny().await;
    let locked = lock_placement(&scenario, &plan, &full.need).unwrap();
    store.save_lock(&locked, &change(ChangeAction::Lock, "agreed with the ward")).await.unwrap();
    let back = store.export_scenario("HT2027-v45").await.unwrap();
    assert!(back.locked.iter().any(|l| l.need == full.need && l.unit == full.unit && l.start == full.start));
    assert!(check_plan(&back, &plan).violations.is_empty(), "the plan keeps its own lock");
}

#[tokio::test]
async fn an_edit_is_saved_with_its_undo_and_plans_survive_it() {
    let store = store_with_tiny().await;
    let scenario = example_scenario("tiny.json");
    store.save_draft(&example_plan("tiny.plan.json"), "optimal", &change(ChangeAction::Matching, "m")).await.unwrap();

    let mut unit = scenario_value(&scenario)["units"][0].clone();
    let unit_id = unit["id"].as_str().unwrap().to_string();
    unit["name"] = serde_json::json!("Avdelning 12 (renamed)");
    let edit = ScenarioEdit { kind: EntityKind::Unit, id: Some(unit_id.clone()), value: Some(unit), position: None };
    let applied = apply_edit(&scenario, &edit).unwrap();
    store.save_edit(&applied.scenario, &edit, &applied.inverse).await.unwrap();
    assert_eq!(store.export_scenario("HT2027-v45").await.unwrap().units[0].name, "Avdelning 12 (renamed)");
    assert!(store.plan("HT2027-v45", DRAFT).await.unwrap().is_some(), "an edit keeps the plans");

    let (seq, inverse) = store.last_undoable_edit("HT2027-v45").await.unwrap().unwrap();
    let current = store.export_scenario("HT2027-v45").await.unwrap();
    let undone = apply_edit(&current, &inverse).unwrap();
    store.save_undo(&undone.scenario, seq).await.unwrap();
    assert_eq!(store.export_scenario("HT2027-v45").await.unwrap(), scenario);
    assert!(store.last_undoable_edit("HT2027-v45").await.unwrap().is_none());
    let log = store.edits("HT2027-v45").await.unwrap();
    assert_eq!((log.len(), log[0].undone, log[0].entity_id.as_deref()), (1, true, Some(unit_id.as_str())));
    assert_eq!((log[0].kind.as_str(), log[0].action.as_str()), ("unit", "changed"));
}

#[tokio::test]
async fn a_replacement_the_database_refuses_changes_nothing() {
    let store = store_with_tiny().await;
    let scenario = example_scenario("tiny.json");
    let mut bad = scenario.clone();
    bad.term.name = "renamed".into();
    bad.students[0].needs[0].preferences.push("no-such-unit".into());
    assert!(store.replace_scenario(&bad).await.is_err());
    assert_eq!(store.export_scenario("HT2027-v45").await.unwrap(), scenario);
}

#[tokio::test]
async fn deleting_a_term_deletes_its_plans() {
    let store = store_with_tiny().await;
    store.save_draft(&example_plan("tiny.plan.json"), "optimal", &change(ChangeAction::Matching, "m")).await.unwrap();
    store.delete_term("HT2027-v45").await.unwrap();
    store.import_scenario(&example_scenario("tiny.json")).await.unwrap();
    assert!(store.plan("HT2027-v45", DRAFT).await.unwrap().is_none());
    assert!(store.plan_changes("HT2027-v45").await.unwrap().is_empty());
}
