//! Checks the bundled codebook's PLOVER columns against the reference CAMEO-to-PLOVER table.
//!
//! Usage: `cargo run -p herald-cameo --example check_plover -- TABLE [MIN_AGREEMENT]`
//! where TABLE is `CAMEO2PLOVER-2021.txt` (lines `code: EVENT, mode, context; context # note`)
//! and MIN_AGREEMENT (default 0.99) is the share of the table's codes whose event, mode and
//! contexts the codebook must reproduce. Prints its figures and every disagreement; exits 1
//! below the threshold or when a table code is missing from the codebook, 2 on bad usage.
//!
//! Disagreements are expected only where the codebook's header comment records a decision
//! (175), so the threshold is set just below full agreement.

use std::process::ExitCode;

use herald_cameo::Codebook;

struct Row {
    line: usize,
    code: String,
    event: String,
    mode: Option<String>,
    context: Vec<String>,
}

/// Reads the reference table; the first line for a code wins (the table lists 08 and 175
/// twice), as in the codebook.
fn parse_table(text: &str) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if rows.iter().any(|r| r.code == code) {
            continue;
        }
        let mut parts = rest.split(',').map(str::trim);
        let event = parts.next().unwrap_or("").to_string();
        let mode = parts.next().filter(|m| !m.is_empty()).map(str::to_string);
        let context = parts
            .next()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        rows.push(Row {
            line: i + 1,
            code: code.to_string(),
            event,
            mode,
            context,
        });
    }
    rows
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: check_plover CAMEO2PLOVER.txt [MIN_AGREEMENT]");
        return ExitCode::from(2);
    };
    let min_agreement = match args.get(1).map(|s| s.parse::<f64>()) {
        None => 0.99,
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            eprintln!("MIN_AGREEMENT {:?}: {e}", args[1]);
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };

    let book = Codebook::bundled();
    let rows = parse_table(&text);
    let mut missing = 0;
    let mut agree = 0;
    for row in &rows {
        let Some(entry) = book.get(&row.code) else {
            println!(
                "missing  {path}:{} code {} is not in the codebook",
                row.line, row.code
            );
            missing += 1;
            continue;
        };
        if entry.plover_event == row.event
            && entry.plover_mode == row.mode
            && entry.plover_context == row.context
        {
            agree += 1;
        } else {
            println!(
                "differs  {path}:{} code {}: table {} / {:?} / {:?}, codebook {} / {:?} / {:?}",
                row.line,
                row.code,
                row.event,
                row.mode,
                row.context,
                entry.plover_event,
                entry.plover_mode,
                entry.plover_context
            );
        }
    }
    let uncovered = book
        .all()
        .filter(|e| !rows.iter().any(|r| r.code == e.code))
        .count();
    let share = if rows.is_empty() {
        0.0
    } else {
        agree as f64 / rows.len() as f64
    };
    println!("codebook codes:            {}", book.len());
    println!("reference table codes:     {}", rows.len());
    println!("  missing from codebook:   {missing}");
    println!(
        "  agreeing (event, mode, contexts): {agree} ({:.1}%, threshold {:.1}%)",
        share * 100.0,
        min_agreement * 100.0
    );
    println!("codebook codes the table lacks (mapped by recorded decision): {uncovered}");
    if missing > 0 || share < min_agreement {
        println!("FAIL");
        ExitCode::from(1)
    } else {
        println!("OK");
        ExitCode::SUCCESS
    }
}
