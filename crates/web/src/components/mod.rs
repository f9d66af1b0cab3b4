//! One component per file. Each takes its data as props and reports what the user
//! did through `on_*` callbacks; none holds domain state of its own.

pub mod app;
pub mod category_editor;
pub mod code_editor;
pub mod compare_view;
pub mod confirm_button;
pub mod context_view;
pub mod data_view;
pub mod error_summary;
pub mod export;
pub mod form_parts;
pub mod history_bar;
pub mod horizon_form;
pub mod horizon_view;
pub mod matrix_table;
pub mod matrix_view;
pub mod merge_form;
pub mod name_form;
pub mod name_list_editor;
pub mod nav;
pub mod notices;
pub mod param_input;
pub mod plan_details;
pub mod plan_item_form;
pub mod plan_list;
pub mod plan_view;
pub mod proposed_plan;
pub mod review_view;
pub mod rule_detail;
pub mod rules_view;
pub mod snapshot_list;
pub mod suggestion_card;
pub mod theme_checkboxes;
pub mod theme_editor;
pub mod theme_form;
