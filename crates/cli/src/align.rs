//! `horizon align`: how a district's plan stands to the county agreement and its own
//! column of the matrix, or, for the county agreement, every district side by side.

use horizon_engine::{align, county_view, NoAlignment};
use horizon_model::{Edit, PlanKind, Scenario};

use crate::{Failure, Format};

/// Makes `plan` (an id) the plan under review, as the page's chooser does; a plan the
/// scenario does not have is refused with the plans it has.
pub fn choose_plan(sc: &mut Scenario, plan: Option<&str>) -> Result<(), Failure> {
    let Some(plan) = plan else { return Ok(()) };
    sc.apply(&Edit::Review { plan: plan.into() }).map_err(|_| {
        let have: Vec<String> = sc
            .plans
            .iter()
            .map(|p| format!("{} ({})", p.id, p.name))
            .collect();
        Failure(format!(
            "--plan {plan}: the scenario has no such plan; its plans are {}",
            horizon_model::join_and(&have)
        ))
    })?;
    Ok(())
}

/// The alignment of the plan under review, or the county view when it is the county
/// agreement.
pub fn run(sc: &Scenario, format: Format) -> Result<String, Failure> {
    let plan = sc.plan();
    if plan.kind == PlanKind::CountyAgreement {
        let view = county_view(sc)
            .ok_or_else(|| Failure("the scenario has no county agreement".into()))?;
        return Ok(match format {
            Format::Json => {
                serde_json::to_string_pretty(&view).map_err(|e| Failure(e.to_string()))?
            }
            Format::Markdown => view.markdown(sc),
            Format::Text => {
                let mut out = view.summary(sc).join("\n");
                out.push_str("\n\n");
                for r in &view.districts {
                    let name = sc
                        .district(&r.district)
                        .map_or(r.district.as_str(), |d| &d.name);
                    let cells: Vec<String> = view
                        .priorities
                        .iter()
                        .zip(&r.cells)
                        .map(|(p, c)| format!("{}: {}", p.1, c.short()))
                        .collect();
                    out.push_str(&format!(
                        "{name} (drift {}): {}\n",
                        r.divergence(),
                        cells.join("; ")
                    ));
                }
                out
            }
        });
    }
    let a = align(sc, &plan.id).map_err(|e| match e {
        NoAlignment::Unitary(_) | NoAlignment::County(_) | NoAlignment::NoSuchPlan(_) => {
            Failure(e.to_string())
        }
    })?;
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&a).map_err(|e| Failure(e.to_string()))?,
        Format::Markdown => a.markdown(sc),
        Format::Text => format!("{}\n\n{}\n", a.plan_name, a.sentences(sc).join("\n")),
    })
}
