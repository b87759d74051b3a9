//! The composer's text as a layout job: each finding's words underlined in the colour of its
//! severity. Pure: text and findings in, layout job out.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

use crate::compliance::{Finding, Severity};

/// The colour of a severity.
pub fn severity_color(s: Severity) -> Color32 {
    match s {
        Severity::Block => Color32::from_rgb(0xd0, 0x30, 0x30),
        Severity::Warn => Color32::from_rgb(0xe0, 0x8a, 0x00),
        Severity::Info => Color32::from_rgb(0x3f, 0x7c, 0xd6),
    }
}

/// Lays out `text` with the spans of `findings` underlined (the most severe finding wins
/// where spans overlap). Spans that do not fit the text are ignored.
pub fn highlight(text: &str, findings: &[Finding], font: FontId, color: Color32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let valid: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.start < f.end && f.end <= text.len())
        .collect();
    // Boundaries where the underline may change.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for f in &valid {
        cuts.push(f.start);
        cuts.push(f.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let severity = valid
            .iter()
            .filter(|f| f.start <= a && b <= f.end)
            .map(|f| f.severity)
            .max();
        let mut format = TextFormat::simple(font.clone(), color);
        if let Some(s) = severity {
            let c = severity_color(s);
            format.underline = Stroke::new(2.0, c);
            format.background = c.gamma_multiply(0.12);
        }
        job.append(piece, 0.0, format);
    }
    job
}

/// The finding under byte offset `at`, most severe first.
pub fn finding_at(findings: &[Finding], at: usize) -> Option<&Finding> {
    findings
        .iter()
        .filter(|f| f.start <= at && at < f.end)
        .max_by_key(|f| f.severity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compliance::Category;

    fn finding(start: usize, end: usize, severity: Severity) -> Finding {
        Finding {
            rule: "r".into(),
            category: Category::Discount,
            severity,
            start,
            end,
            excerpt: String::new(),
            explanation: String::new(),
        }
    }

    #[test]
    fn underlines_cover_exactly_the_findings() {
        let text = "Saldi -30% oggi, città";
        let fs = [
            finding(6, 10, Severity::Warn),
            finding(0, 5, Severity::Block),
            finding(3, 200, Severity::Info),
        ];
        let job = highlight(text, &fs, FontId::monospace(12.0), Color32::BLACK);
        let joined: String = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(joined, text);
        let under: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.underline.width > 0.0)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(under, ["Saldi", "-30%"]);
        assert_eq!(
            finding_at(&fs, 2).map(|f| f.severity),
            Some(Severity::Block)
        );
        assert_eq!(
            finding_at(&fs, 12).map(|f| f.severity),
            Some(Severity::Info)
        );
        assert!(finding_at(&fs, 250).is_none());
    }
}
