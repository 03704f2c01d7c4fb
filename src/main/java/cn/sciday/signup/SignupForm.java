package cn.sciday.signup;

/** What a person gives to sign up: their name, and an ID number only where the activity is real-name. */
public record SignupForm(String name, String idNumber) {
}
