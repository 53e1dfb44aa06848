//! Swedish personal identity numbers (personnummer), as the format writes them: 12 digits,
//! the last one a Luhn check digit over the last ten.

/// Why a personal identity number is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PersonalIdError {
    /// Not exactly twelve digits.
    #[error("is not 12 digits (write it as YYYYMMDDNNNN)")]
    NotTwelveDigits,
    /// The check digit does not match.
    #[error("fails its check digit")]
    CheckDigit,
}

/// Checks shape and check digit.
pub fn validate(id: &str) -> Result<(), PersonalIdError> {
    if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PersonalIdError::NotTwelveDigits);
    }
    let digits: Vec<u32> = id.bytes().map(|b| u32::from(b - b'0')).collect();
    if luhn_check_digit(&digits[2..11]) == digits[11] {
        Ok(())
    } else {
        Err(PersonalIdError::CheckDigit)
    }
}

/// The Luhn check digit for nine digits (YYMMDDNNN), weights 2,1,2,… from the left.
pub fn luhn_check_digit(nine: &[u32]) -> u32 {
    let sum: u32 = nine
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = if i % 2 == 0 { d * 2 } else { *d };
            p / 10 + p % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

/// The number with all but the birth date hidden, for showing where the role does not need it.
pub fn masked(id: &str) -> String {
    if id.len() == 12 {
        format!("{}-****", &id[..8])
    } else {
        "****".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_numbers() {
        assert_eq!(validate("200105052385"), Ok(()));
        assert_eq!(validate("198112189876"), Ok(()));
    }

    #[test]
    fn rejects_bad_check_digit_and_shape() {
        assert_eq!(validate("200105052386"), Err(PersonalIdError::CheckDigit));
        assert_eq!(validate("20010505-2385"), Err(PersonalIdError::NotTwelveDigits));
        assert_eq!(validate("0105052385"), Err(PersonalIdError::NotTwelveDigits));
        assert_eq!(validate("2001050523a5"), Err(PersonalIdError::NotTwelveDigits));
    }

    #[test]
    fn masks_all_but_birth_date() {
        assert_eq!(masked("200105052385"), "20010505-****");
    }
}
