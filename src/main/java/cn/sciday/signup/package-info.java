/**
 * Sign-up for activities: seats that are never over-booked, a waitlist that promotes automatically, e-tickets with
 * a QR code and a short code, check-in, and (later) feedback. Facade: {@link cn.sciday.signup.Registrations}.
 */
package cn.sciday.signup;
