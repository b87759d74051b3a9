//! QR codes of entry-point links, as SVG and PNG, for print.
//!
//! Error correction is level Q (about 25 % of the code can be lost): a code on a receipt, a
//! table card or a poster gets creased, smudged and photographed at an angle, and a link of a
//! few dozen characters still fits a small code at Q. The quiet zone is the standard four
//! modules.

use qrcode::{EcLevel, QrCode};

/// A QR code of `text`, as a square grid of modules (true = dark), without quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Modules {
    /// Modules per side.
    pub width: usize,
    /// Row by row.
    pub dark: Vec<bool>,
}

/// Modules of quiet zone around the code.
pub const QUIET: usize = 4;

/// What went wrong making a code.
#[derive(Debug, thiserror::Error)]
pub enum QrError {
    /// The text does not fit a QR code.
    #[error("the link is too long for a QR code ({0})")]
    TooLong(String),
    /// The PNG encoder failed.
    #[error("the PNG could not be written ({0})")]
    Png(String),
}

impl Modules {
    /// The code of `text` at level Q.
    pub fn of(text: &str) -> Result<Modules, QrError> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::Q)
            .map_err(|e| QrError::TooLong(e.to_string()))?;
        let width = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Ok(Modules { width, dark })
    }

    /// Whether the module at column `x`, row `y` is dark (outside the grid: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }
}

/// The code of `text` as an SVG document, `module_px` user units per module.
pub fn svg(text: &str, module_px: u32) -> Result<String, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::Q)
        .map_err(|e| QrError::TooLong(e.to_string()))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(module_px, module_px)
        .build())
}

/// The code of `text` as a grey-scale PNG, `module_px` pixels per module, with quiet zone.
pub fn png(text: &str, module_px: usize) -> Result<Vec<u8>, QrError> {
    let m = Modules::of(text)?;
    let side = (m.width + 2 * QUIET) * module_px;
    let mut pixels = vec![255u8; side * side];
    for (y, row) in pixels.chunks_exact_mut(side).enumerate() {
        let my = (y / module_px).wrapping_sub(QUIET);
        for (x, px) in row.iter_mut().enumerate() {
            let mx = (x / module_px).wrapping_sub(QUIET);
            if m.is_dark(mx, my) {
                *px = 0;
            }
        }
    }
    let mut out = Vec::new();
    let side32 = u32::try_from(side).map_err(|e| QrError::Png(e.to_string()))?;
    let mut enc = png::Encoder::new(&mut out, side32, side32);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc
        .write_header()
        .map_err(|e| QrError::Png(e.to_string()))?;
    writer
        .write_image_data(&pixels)
        .map_err(|e| QrError::Png(e.to_string()))?;
    writer.finish().map_err(|e| QrError::Png(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a PNG written by [`png`] back with an independent QR reader.
    pub(crate) fn decode_png(bytes: &[u8]) -> String {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let (w, h) = (info.width as usize, info.height as usize);
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * w + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        grids[0].decode().unwrap().1
    }

    #[test]
    fn a_png_decodes_to_the_exact_link() {
        for link in [
            "https://m.me/bottegarossi?ref=poster-inverno",
            "https://ig.me/m/tiendasol?ref=mesa:12_a%2Bb",
        ] {
            let bytes = png(link, 8).unwrap();
            assert_eq!(decode_png(&bytes), link);
        }
    }

    #[test]
    fn an_svg_has_the_modules_of_the_code() {
        let s = svg("https://m.me/bottegarossi?ref=x", 8).unwrap();
        assert!(s.starts_with("<?xml"), "{s}");
        assert!(s.contains("<path"), "{s}");
        let m = Modules::of("https://m.me/bottegarossi?ref=x").unwrap();
        // Level Q, a 31-character link: version 3 (29 modules a side).
        assert_eq!(m.width, 29);
        assert!(m.is_dark(0, 0) && !m.is_dark(7, 0) && !m.is_dark(29, 0));
    }
}
