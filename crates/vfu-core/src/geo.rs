//! Great-circle distance for the travel term of the cost.

use crate::model::GeoPoint;

/// Earth radius the format prescribes, in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Haversine distance in km between two positions.
pub fn haversine_km(a: GeoPoint, b: GeoPoint) -> f64 {
    let (phi1, phi2) = (a.lat.to_radians(), b.lat.to_radians());
    let d_phi = (b.lat - a.lat).to_radians();
    let d_lambda = (b.lon - a.lon).to_radians();
    let h = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_distances() {
        let solna = GeoPoint { lat: 59.3503, lon: 18.03 };
        assert_eq!(haversine_km(solna, solna), 0.0);
        // One degree of latitude is R·π/180 km.
        let d = haversine_km(GeoPoint { lat: 59.0, lon: 18.0 }, GeoPoint { lat: 60.0, lon: 18.0 });
        assert!((d - 111.194_926_644_558_73).abs() < 1e-9, "{d}");
        // Stockholm–Göteborg is about 398 km as the crow flies.
        let gbg = GeoPoint { lat: 57.7089, lon: 11.9746 };
        let sthlm = GeoPoint { lat: 59.3293, lon: 18.0686 };
        assert!((haversine_km(sthlm, gbg) - 398.0).abs() < 3.0);
    }
}
