// The topics of 'inovasi help TOPIC': texts that teach the records, the
// scoring, the CSV layouts and the periods, beside each command's own help.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inovasi::cli {

struct HelpTopic {
  std::string_view name;     // what follows 'inovasi help'
  std::string_view summary;  // one line in the list of topics, in English (tr() translates)
};

// Every topic, in the order the help of inovasi lists them.
const std::vector<HelpTopic>& help_topics();

// A topic's text in the language of the messages: lines of at most 80
// columns, the last one "See also:" with the manual pages. Nothing when name
// is not a topic.
std::optional<std::string_view> help_topic(std::string_view name);

// The list of topics that ends the help of inovasi, one line a topic, in the
// language of the messages.
std::string help_topics_list();

}  // namespace inovasi::cli
