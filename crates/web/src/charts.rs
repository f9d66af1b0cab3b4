//! The horizon charts' layout, as pure maths the components draw: the radar's
//! sectors (one per category), rings (one per time horizon), each item's number and
//! place, and the four grade bands of the 4 × 4 likelihood × impact grid. No DOM,
//! so the host tests can check it.

use std::f64::consts::{PI, TAU};

use horizon_model::{Scenario, TimeHorizon};

/// The radar's drawing space (the SVG's viewBox): wide enough for the sector labels.
pub const WIDTH: f64 = 1320.0;
pub const HEIGHT: f64 = 960.0;
pub const CX: f64 = WIDTH / 2.0;
pub const CY: f64 = HEIGHT / 2.0;
/// The outer edge of the last ring.
pub const RADIUS: f64 = 400.0;
/// The largest mark's size: marks in a cell are never closer than this.
pub const MARK: f64 = 28.0;

/// A grade's band, shown by a mark's shape and size as well as its shade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// Grades 1 to 4: a small circle.
    Low,
    /// 5 to 8: a square.
    Medium,
    /// 9 to 12: a triangle.
    High,
    /// 13 to 16: a large diamond.
    Severe,
}

impl Band {
    pub const ALL: [Band; 4] = [Band::Low, Band::Medium, Band::High, Band::Severe];

    pub fn of(grade: u8) -> Band {
        match grade {
            0..=4 => Band::Low,
            5..=8 => Band::Medium,
            9..=12 => Band::High,
            _ => Band::Severe,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
            Band::Severe => "very high",
        }
    }

    pub fn range(self) -> &'static str {
        match self {
            Band::Low => "1 to 4",
            Band::Medium => "5 to 8",
            Band::High => "9 to 12",
            Band::Severe => "13 to 16",
        }
    }

    pub fn shape(self) -> &'static str {
        match self {
            Band::Low => "small circle",
            Band::Medium => "square",
            Band::High => "triangle",
            Band::Severe => "large diamond",
        }
    }

    /// The CSS class that shades it (light to dark, readable in grayscale).
    pub fn class(self) -> &'static str {
        match self {
            Band::Low => "band-low",
            Band::Medium => "band-medium",
            Band::High => "band-high",
            Band::Severe => "band-severe",
        }
    }

    /// How far below the mark's centre its number sits (a triangle's room is low down).
    pub fn number_drop(self) -> f64 {
        if self == Band::High {
            3.0
        } else {
            0.0
        }
    }

    /// The SVG path of its mark centred on (x, y).
    pub fn path(self, x: f64, y: f64) -> String {
        match self {
            Band::Low => {
                let r = 12.0;
                format!(
                    "M{:.1},{:.1}a{r},{r} 0 1,0 {d},0a{r},{r} 0 1,0 -{d},0Z",
                    x - r,
                    y,
                    d = 2.0 * r
                )
            }
            Band::Medium => {
                let h = 12.0;
                format!("M{:.1},{:.1}h{d}v{d}h-{d}Z", x - h, y - h, d = 2.0 * h)
            }
            Band::High => {
                // Centred on its centroid, so the number sits in the middle.
                let s = 14.5;
                format!(
                    "M{:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}Z",
                    x,
                    y - s,
                    x + s * 0.95,
                    y + s * 0.62,
                    x - s * 0.95,
                    y + s * 0.62
                )
            }
            Band::Severe => {
                let s = MARK / 2.0;
                format!(
                    "M{x:.1},{:.1}L{:.1},{y:.1}L{x:.1},{:.1}L{:.1},{y:.1}Z",
                    y - s,
                    x + s,
                    y + s,
                    x - s
                )
            }
        }
    }
}

/// The angles (radians, clockwise from the top) of each of `n` sectors.
pub fn sectors(n: usize) -> Vec<(f64, f64)> {
    let n = n.max(1);
    let step = TAU / n as f64;
    (0..n)
        .map(|i| {
            (
                -PI / 2.0 + step * i as f64,
                -PI / 2.0 + step * (i + 1) as f64,
            )
        })
        .collect()
}

/// The inner and outer radius of a time horizon's ring, "Now" at the centre. The
/// inner rings are wider so the crowded "Now" cells have room.
pub fn ring(t: TimeHorizon) -> (f64, f64) {
    const EDGES: [f64; 5] = [0.0, 0.53, 0.71, 0.86, 1.0];
    let i = TimeHorizon::ALL.iter().position(|x| *x == t).unwrap_or(0);
    (EDGES[i] * RADIUS, EDGES[i + 1] * RADIUS)
}

/// A point at `angle` and `radius` from the centre.
pub fn point(angle: f64, radius: f64) -> (f64, f64) {
    (CX + radius * angle.cos(), CY + radius * angle.sin())
}

/// Places `k` marks in the cell between angles `a` and radii `r`: rows of marks
/// across the ring, as far apart as they fit (never closer than the largest mark
/// unless the cell is too full), each row spread evenly across the sector.
pub fn spread(k: usize, (a0, a1): (f64, f64), (r0, r1): (f64, f64)) -> Vec<(f64, f64)> {
    if k == 0 {
        return Vec::new();
    }
    let width = a1 - a0;
    let mut d = (r1 - r0).min(MARK * 3.0);
    let rows = loop {
        let rows = rows_for(d, width, r0, r1);
        if rows.iter().sum::<usize>() >= k || d <= 4.0 {
            break rows;
        }
        d -= 1.0;
    };
    let mut out = Vec::with_capacity(k);
    let mut left = k;
    let mut row_fill: Vec<usize> = rows.iter().map(|_| 0).collect();
    // Fill outward rows first only when inner ones are full, so a cell's marks stay together.
    for (j, cap) in rows.iter().enumerate() {
        let take = (*cap).min(left);
        row_fill[j] = take;
        left -= take;
    }
    if left > 0 {
        // Too full to keep apart: the rest share the last row.
        if let Some(last) = row_fill.last_mut() {
            *last += left;
        } else {
            row_fill.push(left);
        }
    }
    let used = row_fill.iter().filter(|n| **n > 0).count().max(1);
    // Centre the used rows in the ring.
    let offset = r0 + ((r1 - r0) - d * used as f64) / 2.0;
    for (row, n) in row_fill.into_iter().filter(|n| *n > 0).enumerate() {
        let radius = offset + d * (row as f64 + 0.5);
        for c in 0..n {
            let angle = a0 + width * (c as f64 + 0.5) / n as f64;
            out.push(point(angle, radius));
        }
    }
    out
}

/// How many marks each row holds at spacing `d`.
fn rows_for(d: f64, width: f64, r0: f64, r1: f64) -> Vec<usize> {
    let mut rows = Vec::new();
    let mut j = 0.0;
    loop {
        let radius = r0 + d * (j + 0.5);
        if radius + d / 2.0 > r1 + 0.01 {
            break;
        }
        // Marks in a row are a chord apart, a little less than the arc between them.
        let half = d / (2.0 * radius);
        let n = if half >= 1.0 {
            0
        } else {
            (width / (2.0 * half.asin()) + 1e-9).floor() as usize
        };
        // The centre of a whole circle (one category) holds one mark.
        rows.push(if n == 0 && width >= TAU - 1e-9 && j == 0.0 {
            1
        } else {
            n
        });
        j += 1.0;
    }
    rows
}

/// One item as the charts show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Its number, shared by the radar, the table and the grid: 1 upwards, by
    /// category in the scenario's order, then time horizon, then id.
    pub number: usize,
    pub id: String,
    pub title: String,
    pub category: String,
    pub sector: usize,
    pub time_horizon: TimeHorizon,
    pub likelihood: u8,
    pub impact: u8,
    pub grade: u8,
    pub band: Band,
    pub x: f64,
    pub y: f64,
}

/// Every horizon item, numbered and placed on the radar.
pub fn marks(s: &Scenario) -> Vec<Mark> {
    let angles = sectors(s.categories.len());
    let mut items: Vec<(usize, usize, &horizon_model::HorizonItem)> = s
        .horizon
        .iter()
        .map(|h| {
            let sector = s
                .categories
                .iter()
                .position(|c| c.id == h.category)
                .unwrap_or(0);
            let ring = TimeHorizon::ALL
                .iter()
                .position(|t| *t == h.time_horizon)
                .unwrap_or(0);
            (sector, ring, h)
        })
        .collect();
    horizon_model::sort::sort_by(&mut items, |a, b| {
        (a.0, a.1, &a.2.id).cmp(&(b.0, b.1, &b.2.id))
    });
    let mut out = Vec::with_capacity(items.len());
    let mut i = 0;
    while i < items.len() {
        let (sector, ring_i, _) = items[i];
        let end = items[i..]
            .iter()
            .take_while(|x| x.0 == sector && x.1 == ring_i)
            .count()
            + i;
        let t = TimeHorizon::ALL[ring_i];
        let places = spread(end - i, angles[sector.min(angles.len() - 1)], ring(t));
        for (j, (x, y)) in places.into_iter().enumerate() {
            let h = items[i + j].2;
            out.push(Mark {
                number: out.len() + 1,
                id: h.id.clone(),
                title: h.title.clone(),
                category: s
                    .categories
                    .get(sector)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                sector,
                time_horizon: t,
                likelihood: h.likelihood,
                impact: h.impact,
                grade: h.grade(),
                band: Band::of(h.grade()),
                x,
                y,
            });
        }
        i = end;
    }
    out
}

/// Where a sector's label goes and how it is anchored ("start", "middle", "end").
pub fn label_place(sector: (f64, f64)) -> (f64, f64, &'static str) {
    let mid = (sector.0 + sector.1) / 2.0;
    let (x, y) = point(mid, RADIUS + 22.0);
    let c = mid.cos();
    let anchor = if c > 0.25 {
        "start"
    } else if c < -0.25 {
        "end"
    } else {
        "middle"
    };
    (x, y, anchor)
}

/// A category name split into lines of about 14 characters for a sector label.
pub fn label_lines(name: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= 14 => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}
