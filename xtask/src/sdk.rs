//! Reads the method table of Slack's Python SDK (`python-sdk-methods.tsv`): for each method the
//! SDK calls, the verb it sends, how it sends the arguments, and its required and optional
//! parameters with simplified types. Facts only; see `merge.rs` for how they join the spec's.
//!
//! The table's columns are `method`, `http_verb`, `body`, `required_params` and
//! `optional_params`; a parameter list is `name:type,...` or `-`. Like the spec's, the SDK's
//! token arguments are not parameters of a binding: the client sends the token it is given in
//! the `Authorization` header (see [`is_token_argument`]).

use crate::model::{check_method_name, check_param_name, DataError, Param, ParamType, Verb};
use std::collections::BTreeMap;

/// How the SDK sends a method's arguments. The catalog does not use it (the client sends a
/// form, which Slack accepts for every method), but an unknown value means the table changed
/// shape, so it is read and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    Form,
    Json,
    Multipart,
    None,
}

/// What the SDK says about one method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SdkFacts {
    /// The verb the SDK sends.
    pub verb: Verb,
    pub body: Body,
    /// Required ones first, each group in the table's order; never `token`.
    pub params: Vec<Param>,
}

/// Whether an argument of the SDK's method is the token the call is made with rather than a
/// parameter: `token` anywhere (only `oauth.v2.exchange` names it: the token to exchange), and
/// `apps.connections.open`'s `app_token` (the app-level token, which the SDK sends as the
/// call's token).
pub fn is_token_argument(method: &str, argument: &str) -> bool {
    argument == "token" || (method == "apps.connections.open" && argument == "app_token")
}

const COLUMNS: [&str; 5] = [
    "method",
    "http_verb",
    "body",
    "required_params",
    "optional_params",
];

/// Method name -> the SDK's facts, for every row of the table.
pub fn parse(text: &str) -> Result<BTreeMap<String, SdkFacts>, DataError> {
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    if header != COLUMNS {
        return Err(DataError(format!(
            "the SDK's table has the columns {header:?}, not {COLUMNS:?}"
        )));
    }
    let mut out = BTreeMap::new();
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let [name, verb, body, required, optional] = cells.as_slice() else {
            return Err(DataError(format!(
                "a row of the SDK's table has {} cells, not 5: {line}",
                cells.len()
            )));
        };
        check_method_name(name)?;
        let verb = match *verb {
            "GET" => Verb::Get,
            "POST" => Verb::Post,
            other => {
                return Err(DataError(format!(
                    "`{name}` has the unknown verb `{other}` in the SDK's table"
                )))
            }
        };
        let body = match *body {
            "form" => Body::Form,
            "json" => Body::Json,
            "multipart" => Body::Multipart,
            "none" => Body::None,
            other => {
                return Err(DataError(format!(
                    "`{name}` has the unknown body `{other}` in the SDK's table"
                )))
            }
        };
        let mut params = Vec::new();
        for (list, is_required) in [(*required, true), (*optional, false)] {
            for param in param_list(name, list, is_required)? {
                if params.iter().any(|seen: &Param| seen.name == param.name) {
                    return Err(DataError(format!(
                        "`{name}` lists parameter `{}` twice in the SDK's table",
                        param.name
                    )));
                }
                params.push(param);
            }
        }
        let facts = SdkFacts { verb, body, params };
        if out.insert((*name).to_owned(), facts).is_some() {
            return Err(DataError(format!(
                "`{name}` has two rows in the SDK's table"
            )));
        }
    }
    Ok(out)
}

/// `name:type,...` or `-`, without `token`.
fn param_list(method: &str, list: &str, required: bool) -> Result<Vec<Param>, DataError> {
    if list == "-" {
        return Ok(Vec::new());
    }
    let mut params = Vec::new();
    for item in list.split(',') {
        let Some((name, ty)) = item.split_once(':') else {
            return Err(DataError(format!(
                "parameter `{item}` of `{method}` has no type in the SDK's table"
            )));
        };
        if is_token_argument(method, name) {
            continue;
        }
        check_param_name(method, name)?;
        let ty = match ty {
            "string" => ParamType::String,
            "boolean" => ParamType::Boolean,
            "integer" => ParamType::Integer,
            "number" => ParamType::Number,
            "list" => ParamType::List,
            "object" => ParamType::Object,
            "file" => ParamType::File,
            other => {
                return Err(DataError(format!(
                    "parameter `{name}` of `{method}` has the unknown type `{other}` in the SDK's table"
                )))
            }
        };
        params.push(Param {
            name: name.to_owned(),
            ty,
            required,
        });
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "method\thttp_verb\tbody\trequired_params\toptional_params\n";

    fn param(name: &str, ty: ParamType, required: bool) -> Param {
        Param {
            name: name.to_owned(),
            ty,
            required,
        }
    }

    #[test]
    fn reads_rows() {
        let text = format!(
            "{HEADER}files.getUploadURLExternal\tPOST\tform\tfilename:string,length:integer\talt_txt:string\n\
             canvases.create\tPOST\tjson\tdocument_content:object\ttitle:string\n\
             search.all\tGET\tform\tquery:string\thighlight:boolean,count:integer\n\
             auth.teams.list\tPOST\tform\t-\t-\n"
        );
        let table = parse(&text).unwrap();
        assert_eq!(table.len(), 4);
        let upload = &table["files.getUploadURLExternal"];
        assert_eq!((upload.verb, upload.body), (Verb::Post, Body::Form));
        assert_eq!(
            upload.params,
            [
                param("filename", ParamType::String, true),
                param("length", ParamType::Integer, true),
                param("alt_txt", ParamType::String, false),
            ]
        );
        assert_eq!(table["canvases.create"].body, Body::Json);
        assert_eq!(
            table["canvases.create"].params[0],
            param("document_content", ParamType::Object, true)
        );
        assert_eq!(table["search.all"].verb, Verb::Get);
        assert!(table["auth.teams.list"].params.is_empty());
    }

    #[test]
    fn leaves_out_the_token() {
        let text = format!(
            "{HEADER}oauth.v2.exchange\tPOST\tform\ttoken:string,client_id:string\t-\n\
             apps.connections.open\tPOST\tform\tapp_token:string\t-\n\
             apps.manifest.create\tPOST\tform\tapp_token:string\t-\n"
        );
        let table = parse(&text).unwrap();
        assert_eq!(
            table["oauth.v2.exchange"].params,
            [param("client_id", ParamType::String, true)]
        );
        assert!(table["apps.connections.open"].params.is_empty());
        assert_eq!(
            table["apps.manifest.create"].params,
            [param("app_token", ParamType::String, true)],
            "only one method sends its `app_token` as the token"
        );
    }

    #[test]
    fn rejects_what_it_does_not_understand() {
        let bad = [
            "method\thttp_verb\tbody\n",
            "a.b\tPUT\tform\t-\t-\n",
            "a.b\tPOST\txml\t-\t-\n",
            "a.b\tPOST\tform\tx:tuple\t-\n",
            "a.b\tPOST\tform\tx\t-\n",
            "a.b\tPOST\tform\tx:string\tx:string\n",
            "a.b\tPOST\tform\tcamelCase:string\t-\n",
            "a.b\tPOST\tform\t-\n",
            "a.b\tPOST\tform\t-\t-\na.b\tPOST\tform\t-\t-\n",
            "A.b\tPOST\tform\t-\t-\n",
        ];
        for (i, rows) in bad.iter().enumerate() {
            let text = if i == 0 {
                (*rows).to_owned()
            } else {
                format!("{HEADER}{rows}")
            };
            assert!(parse(&text).is_err(), "{rows:?}");
        }
    }
}
