//! One component per file. Each takes its data as props and reports what the user
//! did through `on_*` callbacks; none holds domain state of its own.

pub mod app;
pub mod category_editor;
pub mod code_editor;
pub mod confirm_button;
pub mod consultation_form;
pub mod consultation_table;
pub mod context_view;
pub mod data_view;
pub mod error_summary;
pub mod export;
pub mod field;
pub mod form_parts;
pub mod horizon_form;
pub mod horizon_view;
pub mod law_form;
pub mod law_list;
pub mod matrix_table;
pub mod matrix_view;
pub mod meta_form;
pub mod nav;
pub mod new_review;
pub mod notices;
pub mod param_input;
pub mod partner_form;
pub mod partner_list;
pub mod plan_view;
pub mod proposed_plan;
pub mod review_view;
pub mod rule_detail;
pub mod rules_view;
pub mod suggestion_card;
pub mod task_list;
pub mod theme_checks;
pub mod votes_table;
