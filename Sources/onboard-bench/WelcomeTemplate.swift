/// The benchmark's templates: the two bodies of `Plans/emails/welcome.mustache` as of this
/// benchmark's writing, frozen here so that the figures compare like with like over time (the
/// shipped template may change), and a hire's data with characters that HTML-escaping changes.
enum WelcomeTemplate {
  /// The plain-text body.
  static let text = #"""
    {{! Sent one week before the start. Keep it short and warm; logistics follow in a separate email two working days before the start. }}
    Hi {{first_name}},

    Welcome to {{company}}! We are delighted that you are joining us as {{role}}, and the whole team is looking forward to meeting you on {{start_date}}.
    {{#start_moved}}

    Please note: the start date we originally agreed was {{requested_start_date}}. As that day is not a working day ({{start_moved_reason}}), your first day is {{start_date}} instead.
    {{/start_moved}}

    Two people will look after you in your first weeks:
    - {{manager_name}}, your manager ({{manager_email}})
    - {{buddy_name}}, your onboarding buddy ({{buddy_email}}), who will answer the many small questions every new starter has

    We have prepared an onboarding plan for your first 90 days. {{plan_overview}}
    It is built around your assessment results, so that your time goes into the areas where it helps you most. Your manager will talk you through it on your first day.

    Your milestones:
    - 30-day review: {{review_30_date}}
    - 60-day review: {{review_60_date}}
    - 90-day review: {{review_90_date}}

    Two working days before you start, you will receive a practical email with the time, place and agenda of your first day. There is nothing you need to prepare before then, but if you have any questions, simply reply to this email.

    See you soon!

    {{sender_name}}
    {{company}}
    {{sender_email}}
    """#

  /// The HTML body.
  static let html = #"""
    <div style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2933; max-width: 600px;">
      <p>Hi {{first_name}},</p>
      <p>Welcome to {{company}}! We are delighted that you are joining us as <strong>{{role}}</strong>, and the whole team is looking forward to meeting you on <strong>{{start_date}}</strong>.</p>
      {{#start_moved}}
      <p style="background-color: #fff8e1; border-left: 4px solid #f5a623; padding: 8px 12px;">Please note: the start date we originally agreed was {{requested_start_date}}. As that day is not a working day ({{start_moved_reason}}), your first day is <strong>{{start_date}}</strong> instead.</p>
      {{/start_moved}}
      <p>Two people will look after you in your first weeks:</p>
      <ul>
        <li><strong>{{manager_name}}</strong>, your manager (<a href="mailto:{{manager_email}}">{{manager_email}}</a>)</li>
        <li><strong>{{buddy_name}}</strong>, your onboarding buddy (<a href="mailto:{{buddy_email}}">{{buddy_email}}</a>), who will answer the many small questions every new starter has</li>
      </ul>
      <p>We have prepared an onboarding plan for your first 90 days. {{plan_overview}} It is built around your assessment results, so that your time goes into the areas where it helps you most. Your manager will talk you through it on your first day.</p>
      <table style="border-collapse: collapse; margin: 8px 0 16px 0;">
        <tr><td style="padding: 4px 16px 4px 0; color: #52606d;">30-day review</td><td style="padding: 4px 0;">{{review_30_date}}</td></tr>
        <tr><td style="padding: 4px 16px 4px 0; color: #52606d;">60-day review</td><td style="padding: 4px 0;">{{review_60_date}}</td></tr>
        <tr><td style="padding: 4px 16px 4px 0; color: #52606d;">90-day review</td><td style="padding: 4px 0;">{{review_90_date}}</td></tr>
      </table>
      <p>Two working days before you start, you will receive a practical email with the time, place and agenda of your first day. There is nothing you need to prepare before then, but if you have any questions, simply reply to this email.</p>
      <p>See you soon!</p>
      <p style="color: #52606d;">{{sender_name}}<br>{{company}}<br><a href="mailto:{{sender_email}}">{{sender_email}}</a></p>
    </div>
    """#

  /// The data both engines render against: strings, and one boolean section.
  static var context: [String: Any] {
    [
      "company": "Smith & Jones Analytics",
      "first_name": "Zoë",
      "role": "Backend Engineer <Payments>",
      "start_date": "Monday, 7 December 2026",
      "start_moved": true,
      "requested_start_date": "Saturday, 5 December 2026",
      "start_moved_reason": "a weekend day",
      "manager_name": "Siobhán O'Connor",
      "manager_email": "siobhan.oconnor@example.com",
      "buddy_name": "Kwame Asante",
      "buddy_email": "kwame.asante@example.com",
      "plan_overview":
        "It has 14 sessions over 90 days: 4 workshops, 6 hands-on tasks and 4 check-ins \"with you\".",
      "review_30_date": "Wednesday, 6 January 2027",
      "review_60_date": "Friday, 5 February 2027",
      "review_90_date": "Monday, 8 March 2027",
      "sender_name": "People Team",
      "sender_email": "people@example.com",
    ]
  }
}
