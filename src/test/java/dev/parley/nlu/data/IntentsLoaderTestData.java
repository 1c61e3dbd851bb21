package dev.parley.nlu.data;

/** An intents file using every feature of the format. */
final class IntentsLoaderTestData {

    private IntentsLoaderTestData() {
    }

    static final String FULL = """
            domain: orders
            intents:
              - name: order_status
                description: The shopper asks where an order is or when it arrives.
                action: order_status
                slots:
                  - entity: order_number
                    prompt: "Sure! What's your order number?"
                examples:
                  - where is my order
                  - where's order [PA-482913](order_number)?
                  - 'has my [parcel]{"entity": "item", "value": "order"} shipped yet'
                responses:
                  - text: "Order {order_number} is {order.status}."
                  - text: "{order_number}: {order.status}."
                    channel: voice
                  - Just a plain string response
                quick_replies: [Track my parcel, Talk to a person]
              - name: affirm
                examples: |
                  - yes

                  - [sure](answer:yes) thing
                  - no problem
            entities:
              - name: color
                fuzzy: true
                lookup: [red, blue, 42]
                synonyms:
                  navy: [navy blue, dark blue]
                  red: crimson
              - name: order_number
                regex: ['\\bPA-\\d{6}\\b']
              - name: color
                lookup: [green]
            responses:
              ask_rephrase:
                - text: "Sorry, I didn't get that."
            """;
}
